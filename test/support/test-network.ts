import { dropDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { ONE_DATABASE_NAME, runNetwork, type NetworkPlan, type RunningNetwork } from '../../scripts/run-network';
import type { Backend } from './mysql';

/**
 * A seeded network for one test suite on `backend`, on ephemeral ports, with databases named
 * `<prefix>_<cluster>` so that suites running side by side never share one. Closing it also drops
 * its MySQL databases.
 */
export async function startTestNetwork(backend: Backend, prefix: string, overrides: Partial<NetworkPlan> = {}): Promise<RunningNetwork> {
  const name = (id: string) => `${prefix}_${id.replaceAll('-', '_')}`;
  const network = await runNetwork({
    host: '127.0.0.1',
    ports: 'ephemeral',
    networkDatabaseUrl: backend.databaseUrl(name('network')),
    clusterDatabaseUrl: (id) => backend.databaseUrl(name(id)),
    seed: 'always',
    seedValue: 566,
    clusterUrl: (_id, port) => `http://127.0.0.1:${port}`,
    shardTimeoutMs: 10_000,
    logger: createLogger('test', 'silent'),
    ...overrides,
  });
  return {
    ...network,
    close: async () => {
      await network.close();
      if (backend.kind !== 'mysql') return;
      for (const id of ['network', ONE_DATABASE_NAME, ...FOUNDING_CLUSTERS.map((c) => c.id)]) await dropDatabase(backend.databaseUrl(name(id)));
    },
  };
}
