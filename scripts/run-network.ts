import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { DEFAULT_PROTECTION, type GatewayProtection } from '../shared/gateway-protection';
import { DEFAULT_SUBGRAPH_SETTINGS, subgraphProtection, type SubgraphProtection } from '../shared/subgraph-protection';
import type { SigningKeySet } from '../shared/auth/signing-keys';
import { createTokenVerifier } from '../shared/auth/tokens';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX, NETWORK_AUDIENCE } from '../shared/auth/gateway-assertion';
import { generateSigningKey } from '../shared/auth/signing-keys';
import { ensureDatabase } from '../shared/data-source';
import { createLogger, type Logger } from '../shared/logger';
import { FOUNDING_CLUSTERS, type FoundingCluster } from '../shared/network-catalog';
import { listen, type RunningServer, type ServerTimeouts } from '../shared/server/http-app';
import type { SchemaRevision } from '../shared/server/federated-schema';
import type { ShardedSubgraphName } from '../shared/sharded-subgraphs';
import { createGateway, type Gateway, type ShardTransport } from '../gateway/src';
import { createClusterSubgraph, openClusterDatabase } from '../subgraphs/cluster/src';
import type { ClusterData } from '../seed/network-data';
import { createNetworkSubgraph, openNetworkDatabase, seedNetwork } from '../subgraphs/network/src';

export interface NetworkPlan {
  host: string;
  /** The gateway whose partner search the network subgraph asks for consortia; `runNetwork` sets its own. */
  partnerSearchUrl?: () => string | undefined;
  /** Fixed ports, or `0` everywhere for tests. */
  ports: { gateway: number; network: number; clusterBase: number } | 'ephemeral';
  /** What every server of the network waits for of its clients; `DEFAULT_SERVER_TIMEOUTS` for those left out. */
  serverTimeouts?: Partial<ServerTimeouts>;
  networkDatabaseUrl: string;
  clusterDatabaseUrl(clusterId: string): string;
  /** `if-empty`: seed a database that holds no rows yet; `always`: replace its rows; `never`: only migrate it (a cluster that joined later). */
  seed: 'if-empty' | 'always' | 'never';
  seedValue: number;
  /** The URL written into the registry for a cluster listening on `port`. */
  clusterUrl(clusterId: string, port: number): string;
  shardTimeoutMs: number;
  shardTimeouts?: Readonly<Record<string, number>>;
  breaker?: { failureThreshold: number; openMs: number };
  /** How often the gateway reads the registry again; its default (10 s) when omitted. */
  registryPollMs?: number;
  /** Called with every SQL statement a cluster deployment runs, for statement counts. */
  onClusterQuery?: (deployment: string, sql: string) => void;
  /** How the gateway reaches shards; HTTP unless a test wraps it to watch. */
  transport?: ShardTransport;
  /** The registry's clusters; the founding nine by default. */
  clusters?: readonly FoundingCluster[];
  /** The rows to seed; the data set generated from `seedValue` by default. */
  data?: ClusterData;
  /**
   * `sharded` (default): one deployment and database per cluster. `one-database`: every cluster's
   * rows in one database served by one deployment, registered for every cluster: the oracle whose
   * answers the sharded network must equal.
   */
  topology?: 'sharded' | 'one-database';
  logger?: Logger;
  /** The key set whose tokens every subgraph accepts; without one, every token is refused. */
  authKeys?: SigningKeySet;
  /** The gateway's own assertion keys; a new key for this run when omitted. */
  gatewayKeys?: SigningKeySet;
  /** `off`: subgraphs answer requests without the gateway's assertion (a test of a stock gateway). Required by default. */
  gatewayAssertions?: 'required' | 'off';
  /** Whether every server of the network serves `/metrics`; true when omitted. */
  metrics?: boolean;
  /** The gateway's limits; `DEFAULT_PROTECTION` when omitted. */
  protection?: GatewayProtection;
  /** Every subgraph's own limits and deadline; when omitted, derived from `protection` with the default entity cap and deadline. */
  subgraphProtection?: SubgraphProtection;
  /** The built pages the gateway serves at `/` and `/graphiql`. */
  webDir?: string;
  /** Deployments serving another program version's schema, by deployment id (a network in the middle of a rollout). */
  schemaRevisions?: Readonly<Record<string, Partial<Record<ShardedSubgraphName, SchemaRevision>>>>;
}

/** The gateway keys of a plan: its own, or a key made for this run. */
async function gatewayKeysOf(plan: NetworkPlan): Promise<SigningKeySet> {
  return plan.gatewayKeys ?? { keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] };
}

/** The database name the one-database topology uses in place of a cluster id. */
export const ONE_DATABASE_NAME = 'all';

export interface RunningCluster {
  /** The cluster id, or `all` for the one-database deployment. */
  id: string;
  clusterIds: readonly string[];
  server: RunningServer;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export interface RunningNetwork extends RunningSubgraphs {
  gatewayUrl: string;
  gateway: Gateway;
  /** Drains the gateway (its requests in flight finish, within `graceMs`), then closes everything else. */
  shutdown(graceMs: number): Promise<void>;
}

async function hasRows(dataSource: DataSource, table: string): Promise<boolean> {
  const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0) > 0;
}

/** Opens, migrates and (if asked) seeds the database of one cluster, or of several for the oracle. */
export async function prepareClusterDatabase(
  clusterIds: string | readonly string[],
  url: string,
  seed: NetworkPlan['seed'],
  seedValue: number,
  logger: Logger,
  options: { data?: ClusterData; onQuery?: (sql: string) => void } = {},
): Promise<DataSource> {
  const ids = typeof clusterIds === 'string' ? [clusterIds] : clusterIds;
  await ensureDatabase(url);
  const dataSource = await openClusterDatabase(url, options.onQuery);
  if (seed === 'always' || (seed === 'if-empty' && !(await hasRows(dataSource, 'members')))) {
    // Loaded only to seed: a deployment that is not seeded never loads the seed or its libraries.
    const { networkData, writeClusterData } = await import('../seed/network-data.js');
    await writeClusterData(dataSource, options.data ?? networkData(seedValue), ids);
    logger.info({ clusters: ids }, 'seeded cluster database');
  }
  return dataSource;
}

export async function prepareNetworkDatabase(
  url: string,
  plan: Pick<NetworkPlan, 'seed' | 'clusters'>,
  clusterUrl: (id: string, position: number) => string,
  logger: Logger,
): Promise<DataSource> {
  await ensureDatabase(url);
  const dataSource = await openNetworkDatabase(url);
  if (plan.seed === 'always' || (plan.seed === 'if-empty' && !(await hasRows(dataSource, 'clusters')))) {
    await seedNetwork(dataSource, { clusterUrl, clusters: plan.clusters });
    logger.info('seeded network database');
  }
  return dataSource;
}

export interface RunningSubgraphs {
  networkUrl: string;
  clusters: RunningCluster[];
  /** The network subgraph's database, open while the network runs. */
  networkDataSource: DataSource;
  /** The gateway's assertion keys the subgraphs accept: for a test's own gateway, or a request of its own to a subgraph. */
  gatewayKeys: SigningKeySet;
  /** Stops the network subgraph alone, as a test of its failure does. */
  stopNetworkSubgraph(): Promise<void>;
  /** Starts a cluster's deployment again on its port and database, serving `revisions`' schema (none: this program's). */
  restartCluster(id: string, revisions?: Partial<Record<ShardedSubgraphName, SchemaRevision>>): Promise<RunningCluster>;
  close(): Promise<void>;
}

/**
 * Every subgraph of the network in this process: each cluster deployment on its own port and
 * database, and the network subgraph with the registry of where they listen.
 */
export async function runSubgraphs(plan: NetworkPlan): Promise<RunningSubgraphs> {
  const logger = plan.logger ?? createLogger('network');
  const clusters = plan.clusters ?? FOUNDING_CLUSTERS;
  const port = (fixed: (p: Exclude<NetworkPlan['ports'], 'ephemeral'>) => number) => (plan.ports === 'ephemeral' ? 0 : fixed(plan.ports));
  const running: RunningCluster[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  const verifyToken = plan.authKeys ? createTokenVerifier(plan.authKeys) : undefined;
  const gatewayKeys = await gatewayKeysOf(plan);
  const protection = plan.subgraphProtection ?? subgraphProtection(plan.protection ?? DEFAULT_PROTECTION, DEFAULT_SUBGRAPH_SETTINGS);
  const assertionFor = (audience: readonly string[]) => (plan.gatewayAssertions === 'off' ? ('off' as const) : createAssertionVerifier(gatewayKeys, audience));
  try {
    const deployments =
      plan.topology === 'one-database'
        ? [{ id: ONE_DATABASE_NAME, clusterIds: clusters.map((cluster) => cluster.id) }]
        : clusters.map((cluster) => ({ id: cluster.id, clusterIds: [cluster.id] }));
    const startDeployment = async (deployment: { id: string; clusterIds: string[] }, listenOn: number, revisions = plan.schemaRevisions?.[deployment.id]): Promise<RunningCluster> => {
      const onQuery = plan.onClusterQuery;
      // A deployment started again finds its rows: it is the same cluster, restarted or upgraded.
      const seed = running.some((cluster) => cluster.id === deployment.id) ? 'never' : plan.seed;
      const dataSource = await prepareClusterDatabase(deployment.clusterIds, plan.clusterDatabaseUrl(deployment.id), seed, plan.seedValue, logger, {
        data: plan.data,
        onQuery: onQuery && ((sql) => onQuery(deployment.id, sql)),
      });
      const subgraph = await createClusterSubgraph({
        dataSource,
        clusterIds: deployment.clusterIds,
        logger: logger.child({ cluster: deployment.id }),
        verifyToken,
        gatewayAssertion: assertionFor(deployment.clusterIds),
        protection,
        metrics: plan.metrics ?? true,
        ...(revisions ? { schemaRevisions: revisions } : {}),
      });
      const server = await listen(subgraph.app, listenOn, plan.host, { timeouts: plan.serverTimeouts });
      let stopped = false;
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        await server.close();
        await subgraph.stop();
        await dataSource.destroy();
      };
      closers.push(stop);
      return { ...deployment, server, dataSource, stop };
    };
    for (const [index, deployment] of deployments.entries()) running.push(await startDeployment(deployment, port((p) => p.clusterBase + index)));
    const restartCluster = async (id: string, revisions?: Partial<Record<ShardedSubgraphName, SchemaRevision>>) => {
      const at = running.findIndex((cluster) => cluster.id === id);
      if (at < 0) throw new Error(`no deployment ${id} runs`);
      const old = running[at]!;
      await old.stop();
      running[at] = await startDeployment({ id: old.id, clusterIds: [...old.clusterIds] }, old.server.port, revisions ?? {});
      return running[at]!;
    };
    const clusterUrl = (id: string) => {
      const cluster = running.find((c) => c.clusterIds.includes(id));
      return cluster ? plan.clusterUrl(id, cluster.server.port) : plan.clusterUrl(id, 0);
    };
    // Ephemeral ports change every run, so the registry is rewritten to where clusters listen now.
    const networkSeed = plan.ports === 'ephemeral' ? 'always' : plan.seed;
    const networkDb = await prepareNetworkDatabase(plan.networkDatabaseUrl, { seed: networkSeed, clusters }, clusterUrl, logger);
    closers.push(() => networkDb.destroy());
    const network = await createNetworkSubgraph({
      dataSource: networkDb,
      logger: logger.child({ subgraph: 'network' }),
      verifyToken,
      gatewayAssertion: assertionFor([NETWORK_AUDIENCE]),
      publishedKeys: { keys: [...(plan.authKeys?.keys ?? []), ...gatewayKeys.keys] },
      protection,
      metrics: plan.metrics ?? true,
      ...(plan.partnerSearchUrl ? { gatewayUrl: plan.partnerSearchUrl } : {}),
    });
    const networkServer = await listen(network.app, port((p) => p.network), plan.host, { timeouts: plan.serverTimeouts });
    let networkStopped = false;
    const stopNetworkSubgraph = async () => {
      if (networkStopped) return;
      networkStopped = true;
      await networkServer.close();
      await network.stop();
    };
    closers.push(stopNetworkSubgraph);
    const networkUrl = `${networkServer.url}/graphql`;
    return { networkUrl, clusters: running, networkDataSource: networkDb, gatewayKeys, stopNetworkSubgraph, restartCluster, close: () => closeAll(closers) };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** The whole network in this process: the subgraphs and the gateway, each reached over real HTTP. */
export async function runNetwork(plan: NetworkPlan): Promise<RunningNetwork> {
  const logger = plan.logger ?? createLogger('network');
  // The subgraphs and the gateway of one network must agree on the gateway's key.
  const gatewayKeys = await gatewayKeysOf(plan);
  // Known once the gateway listens; the network subgraph asks it only when a consortium is asked for.
  let gatewayUrl: string | undefined;
  const subgraphs = await runSubgraphs({ ...plan, logger, gatewayKeys, partnerSearchUrl: plan.partnerSearchUrl ?? (() => gatewayUrl) });
  try {
    const gateway = await createGateway({
      source: { kind: 'registry', networkUrl: subgraphs.networkUrl },
      breaker: plan.breaker,
      ...(plan.registryPollMs === undefined ? {} : { registryPollMs: plan.registryPollMs }),
      transport: plan.transport,
      shardTimeoutMs: plan.shardTimeoutMs,
      shardTimeouts: plan.shardTimeouts,
      metrics: plan.metrics ?? true,
      logger: logger.child({ component: 'gateway' }),
      signAssertion: createAssertionSigner(gatewayKeys),
      ...(plan.authKeys ? { verifyToken: createTokenVerifier(plan.authKeys) } : {}),
      ...(plan.protection ? { protection: plan.protection } : {}),
      ...(plan.webDir ? { webDir: plan.webDir } : {}),
    });
    const gatewayServer = await listen(gateway.app, plan.ports === 'ephemeral' ? 0 : plan.ports.gateway, plan.host, { timeouts: plan.serverTimeouts });
    gatewayUrl = `${gatewayServer.url}/graphql`;
    return {
      ...subgraphs,
      gatewayUrl: `${gatewayServer.url}/graphql`,
      gateway,
      close: async () => {
        await closeAll([() => subgraphs.close(), () => gateway.stop(), () => gatewayServer.close()]);
      },
      shutdown: async (graceMs) => {
        await gatewayServer.drain(graceMs);
        await closeAll([() => subgraphs.close(), () => gateway.stop()]);
      },
    };
  } catch (error) {
    await subgraphs.close();
    throw error;
  }
}

async function closeAll(closers: Array<() => Promise<unknown>>): Promise<void> {
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch {
      // Closing is best effort: a server already stopped by a test is fine.
    }
  }
}
