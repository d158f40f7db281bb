import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

import type { DataSource } from 'typeorm';
import { REFUSE_EVERY_REQUEST, type AssertionVerifier } from '../../../shared/auth/gateway-assertion';
import { authorizationOf, REFUSE_EVERY_TOKEN, type TokenVerifier } from '../../../shared/auth/tokens';
import { idempotencyKeyOf } from '../../../shared/idempotency/idempotency-key';
import type { Logger } from '../../../shared/logger';
import { subgraphMetrics } from '../../../shared/metrics/subgraph-metrics';
import { createHttpApp, type GraphQLRoute, type HttpApp } from '../../../shared/server/http-app';
import { errorMasking } from '../../../shared/server/mask-error';
import { asOnePlugin } from '../../../shared/server/one-plugin';
import { deadlineStatusPlugin } from '../../../shared/deadline/deadline-status';
import { operationLimitsPlugin } from '../../../shared/limits/operation-limits';
import { PROGRAM_VERSION, sdlHash } from '../../../shared/schema-version';
import { SHARDED_SUBGRAPHS, type ShardedSubgraphName } from '../../../shared/sharded-subgraphs';
import type { SchemaRevision } from '../../../shared/server/federated-schema';
import { DEFAULT_SUBGRAPH_PROTECTION, type SubgraphProtection } from '../../../shared/subgraph-protection';
import { createClusterContext, type ClusterContext } from './context';
import { clusterLoaderMaker } from './loaders';
import { buildClusterSchemas } from './schema/build-cluster-schemas';

export interface ClusterSubgraphOptions {
  dataSource: DataSource;
  /** The clusters whose rows this deployment serves: its own, or every cluster for the oracle. */
  clusterIds: readonly string[];
  logger: Logger;
  /** Reads the caller from the request's token; without one, every token is refused. */
  verifyToken?: TokenVerifier;
  /** Whether the deployment serves `/metrics` (HTTP and SQL durations). Default true. */
  metrics?: boolean;
  /** Checks that a request comes from the gateway; without one, every GraphQL request is refused. `off` for a private network. */
  gatewayAssertion?: AssertionVerifier | 'off';
  /** This deployment's own limits, behind the gateway's; `DEFAULT_SUBGRAPH_PROTECTION` when omitted. */
  protection?: SubgraphProtection;
  /** Serves another program version's schema (tests of a network in the middle of a rollout). */
  schemaRevisions?: Partial<Record<ShardedSubgraphName, SchemaRevision>>;
}

export interface ClusterSubgraph {
  app: HttpApp;
  sdl: Record<string, string>;
  stop(): Promise<void>;
}

/** One cluster's deployment: the members, projects and participation subgraphs over its database. */
export async function createClusterSubgraph(options: ClusterSubgraphOptions): Promise<ClusterSubgraph> {
  const built = await buildClusterSchemas(options.schemaRevisions);
  const verifyToken = options.verifyToken ?? REFUSE_EVERY_TOKEN;
  const makeLoaders = clusterLoaderMaker(options.clusterIds);
  const protection = options.protection ?? DEFAULT_SUBGRAPH_PROTECTION;
  const masking = errorMasking(options.logger);
  const servers: ApolloServer<ClusterContext>[] = [];
  const routes: GraphQLRoute<ClusterContext>[] = [];
  for (const name of SHARDED_SUBGRAPHS) {
    const server = new ApolloServer<ClusterContext>({
      schema: built[name].schema,
      includeStacktraceInErrorResponses: false,
      // The process that hosts it decides when to stop; several servers share one process in development.
      stopOnTerminationSignals: false,
      formatError: masking.formatError,
      // Traces are for Apollo's hosted studio, which this network does not use; cache hints are not
      // used either, and both cost time on every resolved field.
      plugins: [asOnePlugin([masking.plugin, operationLimitsPlugin(protection.limits), deadlineStatusPlugin]), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
      parseOptions: { maxTokens: protection.maxTokens },
    });
    await server.start();
    servers.push(server);
    routes.push({
      path: `/${name}/graphql`,
      server,
      context: async ({ req, deadline }) =>
        createClusterContext(options.dataSource, options.clusterIds, makeLoaders, await verifyToken(authorizationOf(req.headers)), { idempotencyKey: idempotencyKeyOf(req.headers), deadline }),
    });
  }
  // What this deployment serves, for the gateway and the metrics to compare across clusters.
  const schemaHashes = Object.fromEntries(SHARDED_SUBGRAPHS.map((name) => [name, sdlHash(built[name].servedSdl)]));
  const app = createHttpApp(
    routes,
    async () => {
      await options.dataSource.query('SELECT 1');
      return { clusters: options.clusterIds, version: PROGRAM_VERSION, schemas: schemaHashes };
    },
    {
      gatewayAssertion: options.gatewayAssertion ?? REFUSE_EVERY_REQUEST,
      bodyLimitBytes: protection.bodyLimitBytes,
      requestDeadlineMs: protection.requestDeadlineMs,
      ready: async () => void (await options.dataSource.query('SELECT 1')),
      metrics: subgraphMetrics('cluster', options.dataSource, options.metrics ?? true),
    },
  );
  return {
    app,
    sdl: Object.fromEntries(SHARDED_SUBGRAPHS.map((name) => [name, built[name].sdl])),
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}
