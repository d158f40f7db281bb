export { createGateway, readFromRegistry, type Gateway, type GatewayOptions, type GatewaySource } from './create-gateway';
export { composeSupergraph, supergraphSubgraphs } from './supergraph';
export { ShardRouter } from './shard-router/shard-router';
export { ShardSet, type RegistryEntry } from './shard-router/shard-set';
export { compileShardRules, ShardRulesError } from './shard-router/shard-rules';
export { createHttpTransport, httpTransport, type HttpTransportOptions, type ShardTransport, type ShardRequest, type ShardResult } from './shard-router/send';
export type { ShardHealth } from './shard-router/shard-client';
