import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Express } from 'express';
import { parse } from 'graphql';
import type { Logger } from '../../shared/logger';
import { createHttpApp } from '../../shared/server/http-app';
import { createErrorMasker } from '../../shared/server/mask-error';
import { NETWORK_SUBGRAPH, SHARDED_SUBGRAPHS, shardedSubgraphUrl } from '../../shared/sharded-subgraphs';
import { fetchRegistry, fetchSdl, retryUntil } from './registry-client';
import { httpTransport, type ShardTransport } from './shard-router/send';
import { ShardRouter } from './shard-router/shard-router';
import { compileShardRules } from './shard-router/shard-rules';
import { ShardSet, type RegistryEntry } from './shard-router/shard-set';

export interface GatewayOptions {
  /** The network subgraph's GraphQL URL; the registry of shards is read from it. */
  networkUrl: string;
  /** Per-shard timeout (ms) unless `shardTimeouts` names the cluster. Default 5000. */
  shardTimeoutMs?: number;
  shardTimeouts?: Readonly<Record<string, number>>;
  /** How long to wait for the network subgraph and a first shard at start. Default 60000. */
  startupWaitMs?: number;
  logger: Logger;
  /** How the router reaches shards; HTTP unless a test replaces it. */
  transport?: ShardTransport;
}

export interface Gateway {
  app: Express;
  registry: readonly RegistryEntry[];
  shards: ShardSet;
  supergraphSdl: string;
  stop(): Promise<void>;
}

/**
 * The network's one schema: reads the registry, takes each sharded subgraph's SDL from a shard that
 * answers, compiles its `@shard` rules (a gap stops the start), composes the supergraph and serves
 * it with a shard router in place of each sharded subgraph's data source.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const waitMs = options.startupWaitMs ?? 60_000;
  const onRetry = (error: unknown) => logger.debug({ err: error }, 'waiting for subgraphs');
  const registry = await retryUntil('Reading the cluster registry', waitMs, () => fetchRegistry(options.networkUrl), onRetry);
  const shards = new ShardSet(registry, options.shardTimeoutMs ?? 5000, options.shardTimeouts);
  const networkSdl = await retryUntil('Reading the network subgraph schema', waitMs, () => fetchSdl(options.networkUrl), onRetry);

  const shardedSdl = new Map<string, string>();
  for (const subgraph of SHARDED_SUBGRAPHS) {
    const sdl = await retryUntil(`Reading the ${subgraph} schema from a cluster`, waitMs, () => firstAnswer(shards, (shard) => fetchSdl(shardedSubgraphUrl(shard.baseUrl, subgraph))), onRetry);
    shardedSdl.set(subgraph, sdl);
  }

  const composition = composeServices([
    { name: NETWORK_SUBGRAPH, url: options.networkUrl, typeDefs: parse(networkSdl) },
    ...SHARDED_SUBGRAPHS.map((name) => ({ name, url: `shard://${name}`, typeDefs: parse(shardedSdl.get(name)!) })),
  ]);
  if (composition.errors) {
    throw new Error(`The subgraphs do not compose:\n  ${composition.errors.map((e) => e.message).join('\n  ')}`);
  }
  const transport = options.transport ?? httpTransport;
  const routers = new Map(
    SHARDED_SUBGRAPHS.map((name) => [name as string, new ShardRouter(name, compileShardRules(name, shardedSdl.get(name)!), shards, transport)]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: composition.supergraphSdl,
    buildService: ({ name, url }) => routers.get(name) ?? new RemoteGraphQLDataSource({ url }),
    logger,
  });
  const server = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: createErrorMasker(logger),
    logger,
  });
  await server.start();
  const app = createHttpApp([{ path: '/graphql', server, context: async () => ({}) }], () => ({
    clusters: registry.map((entry) => entry.id),
  }));
  logger.info({ clusters: registry.map((entry) => entry.id), shards: shards.shards.length }, 'gateway ready');
  return {
    app,
    registry,
    shards,
    supergraphSdl: composition.supergraphSdl,
    stop: () => server.stop(),
  };
}

async function firstAnswer<T>(shards: ShardSet, ask: (shard: ShardSet['shards'][number]) => Promise<T>): Promise<T> {
  let last: unknown = new Error('the registry lists no clusters');
  for (const shard of shards.shards) {
    try {
      return await ask(shard);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
