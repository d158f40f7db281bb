import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { FOUNDING_CLUSTERS } from '../shared/network-catalog';
import { exitOnFailure } from './process-lifecycle';
import { prepareClusterDatabase, prepareNetworkDatabase } from './run-network';

/** `npm run seed`: (re)writes every cluster's database and the network's from the fixed seed. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('seed', config.logLevel);
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
