export { createGateway, type Gateway, type GatewayOptions } from './create-gateway';
export { ShardRouter } from './shard-router/shard-router';
export { ShardSet, type RegistryEntry } from './shard-router/shard-set';
export { compileShardRules, ShardRulesError } from './shard-router/shard-rules';
