import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { FOUNDING_CLUSTERS } from '../shared/network-catalog';
import { exitOnFailure } from './process-lifecycle';
import { ONE_DATABASE_NAME, prepareClusterDatabase, prepareNetworkDatabase } from './run-network';

/**
 * `npm run seed`: (re)writes every cluster's database and the network's from the fixed seed.
 * `npm run seed -- --one-database` also writes every cluster's rows into the one database that
 * `npm run start:cluster -- all` serves.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('seed', config.logLevel, config.logFormat);
  if (process.argv.includes('--one-database')) {
    const all = FOUNDING_CLUSTERS.map((cluster) => cluster.id);
    const dataSource = await prepareClusterDatabase(all, config.clusterDatabaseUrl(ONE_DATABASE_NAME), 'always', config.seed, logger);
    await dataSource.destroy();
  }
  for (const cluster of FOUNDING_CLUSTERS) {
    const dataSource = await prepareClusterDatabase(cluster.id, config.clusterDatabaseUrl(cluster.id), 'always', config.seed, logger);
    await dataSource.destroy();
  }
  const clusterUrl = (id: string, position: number) => config.clusterUrl(id, config.ports.clusterBase + position);
  const network = await prepareNetworkDatabase(config.networkDatabaseUrl, { seed: 'always' }, clusterUrl, logger);
  await network.destroy();
  process.stdout.write(`seeded ${FOUNDING_CLUSTERS.length} clusters and the network (seed ${config.seed})\n`);
}

exitOnFailure(main);
