import { ApolloGateway } from '@apollo/gateway';
import { createGatewayContext } from './gateway-context';
import { NetworkDataSource } from './network-data-source';
import type { TokenVerifier } from '../../shared/auth/tokens';
import { NETWORK_AUDIENCE, type AssertionSigner } from '../../shared/auth/gateway-assertion';
import { ApolloServer } from '@apollo/server';
import type { Express } from 'express';
import type { Logger } from '../../shared/logger';
import { createHttpApp } from '../../shared/server/http-app';
import { createErrorMasker } from '../../shared/server/mask-error';
import { NETWORK_SUBGRAPH, SHARDED_SUBGRAPHS, shardedSubgraphUrl } from '../../shared/sharded-subgraphs';
import { fetchClusterIds, fetchRegistry, fetchSdl, retryUntil } from './registry-client';
import { DEFAULT_PROTECTION, type GatewayProtection } from '../../shared/gateway-protection';
import { operationLimitsPlugin } from '../../shared/limits/operation-limits';
import { createRateLimitGuard } from './limits/rate-limit';
import { DASHBOARD_OPERATIONS } from './persisted-queries/dashboard-operations';
import { PersistedQueryCache } from './persisted-queries/persisted-query-cache';
import { rootTypeGuard } from './root-type-guard';
import { idempotencyKeyGuard } from './idempotency-key-guard';
import { createShardProbe, type ShardStatus } from './shard-probe';
import { mountWebPages } from './web-pages';
import { exportRoute } from './export/export-route';
import express from 'express';
import { batchLimit } from '../../shared/server/request-guards';
import { DEFAULT_BREAKER, type BreakerSettings } from './shard-router/circuit-breaker';
import { createHttpPost, transportOver, type HttpTransportOptions, type ShardTransport } from './shard-router/send';
import { ShardClient, type ShardHealth } from './shard-router/shard-client';
import { ShardRouter } from './shard-router/shard-router';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics';
import type { AnswerChecks } from './shard-router/answer-check';
import { compileShardRules } from './shard-router/shard-rules';
import { ShardSet, type RegistryEntry } from './shard-router/shard-set';
import { composeSupergraph, deploymentBaseUrl, isShardedSubgraph, supergraphSubgraphs } from './supergraph';

/**
 * Where the gateway learns the network: the registry in the network subgraph (the usual way), or a
 * supergraph file given to it, with the shards from a list or from the deployment the file names.
 */
export type GatewaySource =
  | { kind: 'registry'; networkUrl: string }
  | { kind: 'supergraph'; supergraphSdl: string; shards?: readonly RegistryEntry[] };

export interface GatewayOptions {
  source: GatewaySource;
  /** Per-shard timeout (ms) unless `shardTimeouts` names the cluster. Default 5000. */
  shardTimeoutMs?: number;
  shardTimeouts?: Readonly<Record<string, number>>;
  breaker?: BreakerSettings;
  /** Whether a read that failed on the way is sent to its shard once more. Default true. */
  retryReads?: boolean;
  /** Whether identical reads in flight to one shard for one caller are sent once and shared. Default true. */
  shareReads?: boolean;
  /** How long to wait for the network subgraph and a first shard at start. Default 60000. */
  startupWaitMs?: number;
  logger: Logger;
  /** How the router reaches shards; HTTP (with `shardHttp`) unless a test replaces it. */
  transport?: ShardTransport;
  /** The HTTP transport's bounds and TLS: the largest answer read (16 MiB by default), CAs, a client certificate. */
  shardHttp?: HttpTransportOptions;
  /** Refuses bad tokens at the door; without it they are handed on and each subgraph refuses them. */
  verifyToken?: TokenVerifier;
  /** Signs the assertion every request to a subgraph carries, with the gateway's own key: subgraphs refuse requests without one. */
  signAssertion: AssertionSigner;
  /** Whether the gateway serves `/metrics` and records what it shows. Default true. */
  metrics?: boolean;
  /** The checks of every shard answer (answer-check.ts); replaced only by the benchmark, to measure what they cost. */
  answerChecks?: AnswerChecks;
  /** Limits against hostile or careless requests; `DEFAULT_PROTECTION` when omitted. */
  protection?: GatewayProtection;
  /** The built dashboard and workbench (`npm run build:web`), served at `/` and `/graphiql`. */
  webDir?: string;
}

export interface Gateway {
  app: Express;
  registry: readonly RegistryEntry[];
  shards: ShardSet;
  supergraphSdl: string;
  /** Each shard's breaker state and last latency, for `/health` and the dashboard. */
  shardHealth(): ShardHealth[];
  stop(): Promise<void>;
}

export interface Network {
  registry: RegistryEntry[];
  supergraphSdl: string;
  /** Each sharded subgraph's SDL, with the `@shard` rules the supergraph does not carry. */
  shardedSdl: Map<string, string>;
}

/**
 * The network's one schema: learns the shards, takes each sharded subgraph's SDL from a shard that
 * answers, compiles its `@shard` rules (a gap stops the start), and serves the supergraph with a
 * shard router in place of each sharded subgraph's data source. The network subgraph goes through
 * `NetworkDataSource`, over the same HTTP client as the shards.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const network = options.source.kind === 'registry' ? await readFromRegistry(options.source.networkUrl, options) : await readFromSupergraph(options.source, options);
  const shards = new ShardSet(network.registry, options.shardTimeoutMs ?? 5000, options.shardTimeouts);
  const post = createHttpPost(options.shardHttp);
  // Read at each scrape, once the client below exists.
  const metrics: GatewayMetrics | undefined = options.metrics === false ? undefined : createGatewayMetrics((): ShardHealth[] => client.health(shards.shards), () => network.registry.length, (): Promise<ShardStatus[]> => probeShards());
  const client = new ShardClient(options.transport ?? transportOver(post), {
    breaker: options.breaker ?? DEFAULT_BREAKER,
    retryReads: options.retryReads ?? true,
    shareReads: options.shareReads ?? true,
    ...(metrics ? { observer: metrics.shards } : {}),
    logger,
  });
  const routers = new Map(
    SHARDED_SUBGRAPHS.filter((name) => network.shardedSdl.has(name)).map((name) => [
      name as string,
      new ShardRouter(name, compileShardRules(name, network.shardedSdl.get(name)!), shards, client, options.signAssertion, options.answerChecks),
    ]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: network.supergraphSdl,
    buildService: ({ name, url }) => routers.get(name) ?? new NetworkDataSource({ url: url!, post, signAssertion: options.signAssertion, timeoutMs: options.shardTimeoutMs ?? 5000 }),
    logger,
  });
  const protection = options.protection ?? DEFAULT_PROTECTION;
  const server = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: createErrorMasker(logger),
    logger,
    plugins: [...(metrics ? [metrics.plugin] : []), rootTypeGuard, idempotencyKeyGuard, operationLimitsPlugin(protection.limits)],
    introspection: protection.introspection,
    // Without introspection, "did you mean" suggestions would tell the schema bit by bit.
    hideSchemaDetailsFromClientErrors: !protection.introspection,
    parseOptions: { maxTokens: protection.maxTokens },
    allowBatchedHttpRequests: protection.maxBatch > 1,
    csrfPrevention: true,
    persistedQueries: { cache: new PersistedQueryCache(DASHBOARD_OPERATIONS) },
  });
  await server.start();
  const rateLimit = protection.rateLimits ? createRateLimitGuard(protection.rateLimits, options.verifyToken, logger) : undefined;
  await rateLimit?.connected;
  const shardHealth = () => client.health(shards.shards);
  const probeShards = createShardProbe(shards.shards, shardHealth);
  const app = createHttpApp(
    [{ path: '/graphql', server, context: createGatewayContext(options.verifyToken), guards: [batchLimit(protection.maxBatch), ...(rateLimit ? [rateLimit.guard] : [])] }],
    () => ({ clusters: network.registry.map((entry) => entry.id), shards: shardHealth() }),
    {
      bodyLimitBytes: protection.bodyLimitBytes,
      // The schema is composed and the registry read before this app exists; traffic also needs a cluster to ask.
      ready: () => {
        if (!shardHealth().some((shard) => shard.state !== 'open')) throw new Error('no cluster deployment can be asked: every circuit is open');
      },
      ...(metrics ? { metrics: metrics.registry, metricRoutes: ['/health/shards', '/export', '/graphiql', '/'] } : {}),
      onInternalError: (error) => logger.error({ err: error }, 'request failed outside GraphQL'),
      routes: (app) => {
        // Each deployment probed now, for the dashboard's health panel.
        app.get('/health/shards', (_request, response, next) => {
          probeShards().then((statuses) => response.setHeader('Cache-Control', 'no-store').json({ shards: statuses }), next);
        });
        // An analyst's query walked to the end of its connection, as CSV or JSON lines.
        app.post('/export', express.json({ limit: protection.bodyLimitBytes }), ...(rateLimit ? [rateLimit.guard] : []), exportRoute(server, options.verifyToken, logger));
        if (options.webDir) mountWebPages(app, options.webDir);
      },
    },
  );
  app.set('trust proxy', protection.trustProxy);
  logger.info({ clusters: network.registry.map((entry) => entry.id), shards: shards.shards.length, source: options.source.kind }, 'gateway ready');
  return {
    app,
    registry: network.registry,
    shards,
    supergraphSdl: network.supergraphSdl,
    shardHealth,
    stop: async () => {
      await server.stop();
      await rateLimit?.close();
    },
  };
}

function retrying(options: Pick<GatewayOptions, 'startupWaitMs' | 'logger'>) {
  const waitMs = options.startupWaitMs ?? 60_000;
  const onRetry = (error: unknown) => options.logger.debug({ err: error }, 'waiting for subgraphs');
  return <T>(what: string, attempt: () => Promise<T>) => retryUntil(what, waitMs, attempt, onRetry);
}

/** The registry names the shards; the supergraph is composed from the subgraphs' own SDL. */
export async function readFromRegistry(networkUrl: string, options: Pick<GatewayOptions, 'startupWaitMs' | 'logger' | 'signAssertion'>): Promise<Network> {
  const retry = retrying(options);
  const registry = await retry('Reading the cluster registry', () => fetchRegistry(networkUrl, options.signAssertion));
  const networkSdl = await retry('Reading the network subgraph schema', () => fetchSdl(networkUrl, options.signAssertion, [NETWORK_AUDIENCE]));
  const shardedSdl = await readShardedSdl(registry, SHARDED_SUBGRAPHS, retry, options.signAssertion);
  const supergraphSdl = composeSupergraph([
    { name: NETWORK_SUBGRAPH, url: networkUrl, sdl: networkSdl },
    ...SHARDED_SUBGRAPHS.map((name) => ({ name, url: shardedSubgraphUrl(registry[0]!.url, name), sdl: shardedSdl.get(name)! })),
  ]);
  return { registry, supergraphSdl, shardedSdl };
}

/**
 * The supergraph file is served as given. Its sharded subgraphs are routed over the shards listed,
 * or, without a list, over the deployment the file names, which says at `/health` whose clusters
 * it serves.
 */
async function readFromSupergraph(source: Extract<GatewaySource, { kind: 'supergraph' }>, options: GatewayOptions): Promise<Network> {
  const retry = retrying(options);
  const sharded = supergraphSubgraphs(source.supergraphSdl).filter((subgraph) => isShardedSubgraph(subgraph.name));
  let registry = source.shards ? [...source.shards] : [];
  if (registry.length === 0 && sharded.length > 0) {
    const first = sharded[0]!;
    const baseUrl = deploymentBaseUrl(first.name as (typeof SHARDED_SUBGRAPHS)[number], first.url);
    const clusterIds = await retry(`Asking ${baseUrl}/health which clusters it serves`, () => fetchClusterIds(baseUrl));
    registry = clusterIds.map((id) => ({ id, url: baseUrl }));
  }
  const names = sharded.map((subgraph) => subgraph.name as (typeof SHARDED_SUBGRAPHS)[number]);
  const shardedSdl = await readShardedSdl(registry, names, retry, options.signAssertion);
  return { registry, supergraphSdl: source.supergraphSdl, shardedSdl };
}

async function readShardedSdl(
  registry: readonly RegistryEntry[],
  names: ReadonlyArray<(typeof SHARDED_SUBGRAPHS)[number]>,
  retry: ReturnType<typeof retrying>,
  sign: AssertionSigner,
): Promise<Map<string, string>> {
  const shardedSdl = new Map<string, string>();
  for (const subgraph of names) {
    const audience = (entry: RegistryEntry) => registry.filter((other) => other.url === entry.url).map((other) => other.id);
    const sdl = await retry(`Reading the ${subgraph} schema from a cluster`, () => firstAnswer(registry, (entry) => fetchSdl(shardedSubgraphUrl(entry.url, subgraph), sign, audience(entry))));
    shardedSdl.set(subgraph, sdl);
  }
  return shardedSdl;
}

async function firstAnswer<T>(registry: readonly RegistryEntry[], ask: (entry: RegistryEntry) => Promise<T>): Promise<T> {
  let last: unknown = new Error('no clusters are known');
  for (const entry of registry) {
    try {
      return await ask(entry);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
