import 'reflect-metadata';
import { assertionVerifierFromConfig } from '../shared/auth/assertions-from-config';
import { tokenVerifierFromConfig } from '../shared/auth/verifier-from-config';
import { loadConfig, ConfigError } from '../shared/config';
import { createLogger } from '../shared/logger';
import { FOUNDING_CLUSTERS } from '../shared/network-catalog';
import { listen } from '../shared/server/http-app';
import { createClusterSubgraph } from '../subgraphs/cluster/src';
import { exitOnFailure, stopOnSignals } from './process-lifecycle';
import { startTracing } from '../shared/tracing/tracing';
import { ONE_DATABASE_NAME, prepareClusterDatabase } from './run-network';

/**
 * One cluster's subgraph, as a cluster deploys it: `npm run start:cluster -- <clusterId>`.
 * `npm run start:cluster -- all` serves every founding cluster from one database: the one-database
 * network the sharded one is checked against. A founding cluster's empty database is seeded with the
 * generated data set; a cluster that joined later starts with an empty, migrated database.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless the standard OTEL_* variables ask for traces.
  const tracing = startTracing('itro-cluster');
  const clusterId = process.argv[2] ?? config.clusterId;
  if (!clusterId) throw new ConfigError('Name the cluster: npm run start:cluster -- <clusterId>, or set CLUSTER_ID');
  const oneDatabase = clusterId === ONE_DATABASE_NAME;
  const clusterIds = oneDatabase ? FOUNDING_CLUSTERS.map((cluster) => cluster.id) : [clusterId];
  const position = FOUNDING_CLUSTERS.findIndex((cluster) => cluster.id === clusterId);
  const logger = createLogger(`cluster:${clusterId}`, config.logLevel, config.logFormat);
  const port = config.clusterPort ?? (position >= 0 ? config.ports.clusterBase + position : undefined);
  if (port === undefined) throw new ConfigError(`Cluster "${clusterId}" has no registry port: set CLUSTER_PORT`);
  const founding = oneDatabase || position >= 0;
  const dataSource = await prepareClusterDatabase(clusterIds, config.clusterDatabaseUrl(clusterId), founding ? 'if-empty' : 'never', config.seed, logger);
  const verifyToken = await tokenVerifierFromConfig(config);
  const gatewayAssertion = await assertionVerifierFromConfig(config, clusterIds);
  const subgraph = await createClusterSubgraph({ dataSource, clusterIds, logger, verifyToken, gatewayAssertion, protection: config.subgraphProtection, metrics: config.metrics });
  const server = await listen(subgraph.app, port, config.host, { timeouts: config.serverTimeouts });
  process.stdout.write(`clusters ${clusterIds.join(', ')} answer at ${server.url}/{members,projects,participation}/graphql\n`);
  stopOnSignals(async () => {
    await server.drain(config.shutdownGraceMs);
    await subgraph.stop();
    await dataSource.destroy();
    await tracing?.shutdown();
  });
}

exitOnFailure(main);
