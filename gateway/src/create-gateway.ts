// First, so that the packages loaded after it (@apollo/gateway among them) find federation-internals' exports as plain values.
import './federation-exports';
import { ApolloGateway } from '@apollo/gateway';
import { createGatewayContext, type GatewayContext } from './gateway-context';
import { NetworkDataSource } from './network-data-source';
import { ClusterEntityCache } from './cluster-entity-cache';
import type { TokenVerifier } from '../../shared/auth/tokens';
import type { AssertionSigner } from '../../shared/auth/gateway-assertion';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { asOnePlugin } from '../../shared/server/one-plugin';
import { noStoreAnswers } from './no-store-answers';

import type { Logger } from '../../shared/logger';
import { createHttpApp, type HttpApp } from '../../shared/server/http-app';
import { errorMasking } from '../../shared/server/mask-error';
import { SHARDED_SUBGRAPHS, type ShardedSubgraphName } from '../../shared/sharded-subgraphs';
import { fetchDeploymentSchemas, fetchRegistry } from './registry/registry-client';
import { readFromRegistry, readFromSupergraph, type GatewaySource } from './registry/network-read';
import { RegistryFollower } from './registry/registry-follower';
import { createDeploymentCheck } from './registry/deployment-check';
import { registryWritePlugin } from './registry/registry-write-plugin';
import { SchemaFollower } from './registry/schema-follower';
import { DEFAULT_PROTECTION, type GatewayProtection } from '../../shared/gateway-protection';
import { operationLimitsPlugin } from '../../shared/limits/operation-limits';
import { createRateLimitGuard } from './limits/rate-limit';
import { DASHBOARD_OPERATIONS } from './persisted-queries/dashboard-operations';
import { PersistedQueryCache } from './persisted-queries/persisted-query-cache';
import { rootTypeGuard } from './root-type-guard';
import { idempotencyKeyGuard } from './idempotency-key-guard';
import { createShardProbe } from './shard-probe';
import { mountWebPages } from './web-pages';
import { exportRoute } from './export/export-route';
import express from 'express';
import { batchLimit, expressGuard } from '../../shared/server/request-guards';
import { DEFAULT_BREAKER, type BreakerSettings } from './shard-router/circuit-breaker';
import { createHttpPost, transportOver, type HttpTransportOptions, type ShardTransport } from './shard-router/send';
import { ShardClient, type ShardHealth } from './shard-router/shard-client';
import { ShardRouter } from './shard-router/shard-router';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics';
import { keepExecutionOperations } from './execution-operation-memo';
import type { AnswerChecks } from './shard-router/answer-check';
import { compileShardRules } from './shard-router/shard-rules';
import { ShardSet, type RegistryEntry } from './shard-router/shard-set';

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
  /** How often the registry is read again (ms); 0 never. Default 10000. A registry write through this gateway is applied at once. */
  registryPollMs?: number;
  /** Limits against hostile or careless requests; `DEFAULT_PROTECTION` when omitted. */
  protection?: GatewayProtection;
  /** The built dashboard and workbench (`npm run build:web`), served at `/` and `/graphiql`. */
  webDir?: string;
}

export interface Gateway {
  app: HttpApp;
  /** The clusters served now, from the registry as last applied. */
  readonly registry: readonly RegistryEntry[];
  /** The shards now: the set a request arriving now would use. */
  readonly shards: ShardSet;
  /** The supergraph served now. */
  readonly supergraphSdl: string;
  /** Each shard's breaker state and last latency, for `/health` and the dashboard. */
  shardHealth(): ShardHealth[];
  /** Reads the registry now and applies it (what the poll does); resolves once applied. */
  refreshRegistry(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The network's one schema: learns the shards, takes each sharded subgraph's SDL from a shard that
 * answers, compiles its `@shard` rules (a gap stops the start), and serves the supergraph with a
 * shard router in place of each sharded subgraph's data source. The network subgraph goes through
 * `NetworkDataSource`, over the same HTTP client as the shards. With the registry as its source, it
 * follows the registry live (registry-follower.ts).
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  const network = options.source.kind === 'registry' ? await readFromRegistry(options.source.networkUrl, options) : await readFromSupergraph(options.source, options);
  const timeoutMs = options.shardTimeoutMs ?? 5000;
  const initial = new ShardSet(network.registry, timeoutMs, options.shardTimeouts);
  const source = options.source;
  const follower =
    source.kind === 'registry'
      ? new RegistryFollower(initial, network.revision, {
          read: () => fetchRegistry(source.networkUrl, options.signAssertion),
          check: createDeploymentCheck(() => network.shardedSdl, options.signAssertion),
          build: (entries, previous) => new ShardSet(entries, timeoutMs, options.shardTimeouts, previous),
          logger,
          afterRefresh: (shards) => schemaFollower?.refresh(shards) ?? Promise.resolve(),
        })
      : undefined;
  const currentShards = (): ShardSet => follower?.current ?? initial;
  // Cluster entities are kept only while the registry is followed: its revision says when they change.
  const clusterCache = follower ? new ClusterEntityCache(() => follower.revision) : undefined;
  const post = createHttpPost(options.shardHttp);
  const shardHealth = () => client.health(currentShards().shards);
  const probeShards = createShardProbe(() => currentShards().shards, shardHealth);
  const registryStatus = () => ({ clusters: currentShards().entries.length, revision: follower?.revision ?? network.revision, pending: follower?.status().pending.length ?? 0 });
  const metrics: GatewayMetrics | undefined = options.metrics === false ? undefined : createGatewayMetrics(shardHealth, registryStatus, probeShards);
  const client = new ShardClient(options.transport ?? transportOver(post), {
    breaker: options.breaker ?? DEFAULT_BREAKER,
    retryReads: options.retryReads ?? true,
    shareReads: options.shareReads ?? true,
    ...(metrics ? { observer: metrics.shards } : {}),
    logger,
  });
  client.exclude(network.excluded);
  const routers = new Map(
    SHARDED_SUBGRAPHS.filter((name) => network.shardedSdl.has(name)).map((name) => [
      name as string,
      new ShardRouter(name, compileShardRules(name, network.shardedSdl.get(name)!), currentShards, client, options.signAssertion, options.answerChecks),
    ]),
  );
  // The schema is put in place through Apollo's update hook, so it can change while the gateway serves.
  let updateSupergraph: ((supergraphSdl: string) => void) | undefined;
  const schemaFollower = network.networkSubgraph
    ? new SchemaFollower(network, network.deployments, initial, {
        network: network.networkSubgraph,
        shardUrl: network.registry[0]!.url,
        statuses: () => probeShards(),
        read: (shard) => fetchDeploymentSchemas(shard, options.signAssertion),
        apply: (schema) => {
          // Everything that can refuse the schema runs before anything changes.
          const rules = new Map([...routers.keys()].map((name) => [name, compileShardRules(name, schema.shardedSdl.get(name as ShardedSubgraphName)!)] as const));
          if (!updateSupergraph) throw new Error('the gateway has not loaded its first schema yet');
          updateSupergraph(schema.supergraphSdl);
          for (const [name, router] of routers) router.useRules(rules.get(name)!);
          client.exclude(schema.excluded);
          network.shardedSdl = schema.shardedSdl;
          network.supergraphSdl = schema.supergraphSdl;
        },
        logger,
      })
    : undefined;
  keepExecutionOperations();
  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl: network.supergraphSdl };
    },
    buildService: ({ name, url }) => routers.get(name) ?? new NetworkDataSource({ url: url!, post, signAssertion: options.signAssertion, timeoutMs, ...(clusterCache ? { clusterCache } : {}) }),
    logger,
  });
  const protection = options.protection ?? DEFAULT_PROTECTION;
  const masking = errorMasking(logger);
  const server = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: masking.formatError,
    logger,
    plugins: [
      asOnePlugin<GatewayContext>([
        masking.plugin,
        ...(metrics ? [metrics.plugin] : []),
        ...(follower ? [registryWritePlugin(() => follower.refresh())] : []),
        rootTypeGuard,
        idempotencyKeyGuard,
        operationLimitsPlugin(protection.limits),
        noStoreAnswers,
      ]),
      ApolloServerPluginCacheControlDisabled(),
    ],
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
  const app = createHttpApp(
    [{ path: '/graphql', server, context: createGatewayContext(options.verifyToken, currentShards), guards: [batchLimit(protection.maxBatch), ...(rateLimit ? [rateLimit.guard] : [])] }],
    () => ({ clusters: currentShards().entries.map((entry) => entry.id), shards: shardHealth(), ...(follower ? { registry: follower.status() } : {}) }),
    {
      bodyLimitBytes: protection.bodyLimitBytes,
      // The schema is composed and the registry read before this app exists; traffic also needs a cluster to ask.
      ready: () => {
        if (!shardHealth().some((shard) => shard.state !== 'open')) throw new Error('no cluster deployment can be asked: every circuit is open');
      },
      ...(metrics ? { metrics: metrics.registry, metricRoutes: ['/health/shards', '/export', '/graphiql', '/partners', '/'] } : {}),
      trustProxy: protection.trustProxy,
      onInternalError: (error, requestId) => logger.error({ err: error, requestId }, 'request failed outside GraphQL'),
      routes: (app) => {
        // Each deployment probed now, for the dashboard's health panel.
        app.get('/health/shards', (_request, response, next) => {
          probeShards().then((statuses) => response.setHeader('Cache-Control', 'no-store').json({ shards: statuses }), next);
        });
        // An analyst's query walked to the end of its connection, as CSV or JSON lines.
        app.post('/export', express.json({ limit: protection.bodyLimitBytes }), ...(rateLimit ? [expressGuard(rateLimit.guard)] : []), exportRoute(server, options.verifyToken, logger));
        if (options.webDir) mountWebPages(app, options.webDir);
      },
    },
  );
  follower?.start(options.registryPollMs ?? 10_000);
  logger.info({ clusters: network.registry.map((entry) => entry.id), shards: initial.shards.length, source: options.source.kind, revision: network.revision }, 'gateway ready');
  return {
    app,
    get registry() {
      return currentShards().entries;
    },
    get shards() {
      return currentShards();
    },
    get supergraphSdl() {
      return network.supergraphSdl;
    },
    shardHealth,
    refreshRegistry: () => follower?.refresh() ?? Promise.resolve(),
    stop: async () => {
      follower?.stop();
      await server.stop();
      await rateLimit?.close();
    },
  };
}

export { readFromRegistry, type GatewaySource };
