import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

import type { DataSource } from 'typeorm';
import { publicKeySet, type SigningKeySet } from '../../../shared/auth/signing-keys';
import { REFUSE_EVERY_REQUEST, type AssertionVerifier } from '../../../shared/auth/gateway-assertion';
import { authorizationOf, REFUSE_EVERY_TOKEN, type TokenVerifier } from '../../../shared/auth/tokens';
import { idempotencyKeyOf } from '../../../shared/idempotency/idempotency-key';
import type { Logger } from '../../../shared/logger';
import { buildFederatedSchema } from '../../../shared/server/federated-schema';
import { subgraphMetrics } from '../../../shared/metrics/subgraph-metrics';
import { PROGRAM_VERSION, sdlHash } from '../../../shared/schema-version';
import { createHttpApp, type HttpApp } from '../../../shared/server/http-app';
import { errorMasking } from '../../../shared/server/mask-error';
import { asOnePlugin } from '../../../shared/server/one-plugin';
import { deadlineStatusPlugin } from '../../../shared/deadline/deadline-status';
import { operationLimitsPlugin } from '../../../shared/limits/operation-limits';
import { DEFAULT_SUBGRAPH_PROTECTION, type SubgraphProtection } from '../../../shared/subgraph-protection';
import { NetworkResolver } from './alliance/network.resolver';
import { NetworkAuditEntryConnectionTypes, NetworkAuditLogResolver } from './audit/network-audit-log.resolver';
import { createNetworkContext, type NetworkContext } from './context';
import { ClusterInitiativesResolver, NetworkInitiativesResolver, ObjectiveInitiativesResolver } from './initiatives/initiative-links.resolver';
import { NetworkInitiativeMutations } from './initiatives/initiative.mutations';
import { NetworkInitiativeResolver } from './initiatives/initiative.resolver';
import { resolveClusterReference } from './registry/cluster-reference';
import { ClusterResolver } from './registry/cluster.resolver';
import { ClusterRegistryMutations } from './registry/cluster-registry.mutations';
import { ViewerResolver } from './viewer/viewer.resolver';
import { gatewayCandidates, type CandidateSource } from './consortium/candidates';
import { ConsortiumResolver } from './consortium/consortium.resolver';

export interface NetworkSubgraphOptions {
  /** An opened, migrated database (`openNetworkDatabase`); the caller keeps ownership of it. */
  dataSource: DataSource;
  logger: Logger;
  /** Reads the caller from the request's token; without one, every token is refused. */
  verifyToken?: TokenVerifier;
  /** Whether the deployment serves `/metrics` (HTTP and SQL durations). Default true. */
  metrics?: boolean;
  /** Checks that a request comes from the gateway; without one, every GraphQL request is refused. `off` for a private network. */
  gatewayAssertion?: AssertionVerifier | 'off';
  /**
   * The key set whose public half is served at `JWKS_PATH`, for processes that verify with it: the
   * token keys and the gateway's assertion keys (told apart by their ids).
   */
  publishedKeys?: SigningKeySet;
  /** Its own limits, behind the gateway's; `DEFAULT_SUBGRAPH_PROTECTION` when omitted. */
  protection?: SubgraphProtection;
  /**
   * Where consortia find their candidates: by default the partner search of the gateway at
   * `gatewayUrl()` (`GATEWAY_URL`), asked on the caller's behalf; without either, `consortium`
   * answers NETWORK_UNAVAILABLE.
   */
  candidates?: CandidateSource;
  gatewayUrl?: () => string | undefined;
}

/** Where the network subgraph publishes the public keys tokens are verified with. */
export const JWKS_PATH = '/.well-known/jwks.json';

export interface NetworkSubgraph {
  /** Serves `/graphql` and `/health`; not listening yet (see shared/server/http-app.ts `listen`). */
  app: HttpApp;
  /** The subgraph's Federation 2 SDL, as composition sees it. */
  sdl: string;
  /** Stops the GraphQL server; the data source stays open for its owner to close. */
  stop(): Promise<void>;
}

/** The network subgraph: the alliance, its initiatives and the cluster registry, over its own database. */
export async function createNetworkSubgraph(options: NetworkSubgraphOptions): Promise<NetworkSubgraph> {
  const { dataSource, logger } = options;
  const verifyToken = options.verifyToken ?? REFUSE_EVERY_TOKEN;
  const protection = options.protection ?? DEFAULT_SUBGRAPH_PROTECTION;
  const candidates = options.candidates ?? gatewayCandidates(options.gatewayUrl ?? (() => undefined));
  const { schema, sdl, servedSdl } = await buildFederatedSchema({
    resolvers: [
      NetworkResolver,
      ClusterResolver,
      NetworkInitiativeResolver,
      NetworkInitiativesResolver,
      ObjectiveInitiativesResolver,
      ClusterInitiativesResolver,
      ViewerResolver,
      NetworkInitiativeMutations,
      ClusterRegistryMutations,
      NetworkAuditLogResolver,
      NetworkAuditEntryConnectionTypes.TotalCountResolver,
      ConsortiumResolver,
    ],
    references: { Cluster: resolveClusterReference },
  });
  const masking = errorMasking(logger);
  const server = new ApolloServer<NetworkContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: masking.formatError,
    // Apollo's own notices (inline tracing, shutdown) go to the structured log, not to stdout.
    logger,
    // Neither traces for a hosted studio nor cache hints are used; both cost time on every field.
    plugins: [asOnePlugin([masking.plugin, operationLimitsPlugin(protection.limits), deadlineStatusPlugin]), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    parseOptions: { maxTokens: protection.maxTokens },
  });
  await server.start();
  const schemaHash = sdlHash(servedSdl);
  const published = options.publishedKeys ? publicKeySet(options.publishedKeys) : undefined;
  const app = createHttpApp<NetworkContext>(
    [
      {
        path: '/graphql',
        server,
        context: async ({ req, deadline }) => {
          const authorization = authorizationOf(req.headers);
          return createNetworkContext(dataSource, await verifyToken(authorization), candidates, { idempotencyKey: idempotencyKeyOf(req.headers), authorization, ...(deadline ? { deadline } : {}) });
        },
      },
    ],
    async () => {
      await dataSource.query('SELECT 1');
      return { database: 'ok', version: PROGRAM_VERSION, schemas: { network: schemaHash } };
    },
    {
      gatewayAssertion: options.gatewayAssertion ?? REFUSE_EVERY_REQUEST,
      bodyLimitBytes: protection.bodyLimitBytes,
      requestDeadlineMs: protection.requestDeadlineMs,
      ready: async () => void (await dataSource.query('SELECT 1')),
      metrics: subgraphMetrics('network', dataSource, options.metrics ?? true),
      routes: (routes) => {
        if (!published) return;
        routes.get(JWKS_PATH, (_request, response) => {
          response.setHeader('Cache-Control', 'public, max-age=300');
          response.json(published);
        });
      },
    },
  );
  return { app, sdl, stop: () => server.stop() };
}
