import { dropDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { ONE_DATABASE_NAME, runNetwork, type NetworkPlan, type RunningNetwork } from '../../scripts/run-network';
import type { Backend } from './mysql';

/** The sharded network and the one-database network (the oracle), seeded alike, side by side. */
export interface NetworkPair {
  sharded: RunningNetwork;
  oneDatabase: RunningNetwork;
  close(): Promise<void>;
}

/** Starts both networks on `backend`; database names start with `prefix` so suites do not collide. */
export async function startNetworkPair(backend: Backend, prefix: string, overrides: Partial<NetworkPlan> = {}): Promise<NetworkPair> {
  const name = (topology: string, id: string) => `${prefix}_${topology}_${id.replaceAll('-', '_')}`;
  const plan = (topology: 'sharded' | 'one-database'): NetworkPlan => ({
    host: '127.0.0.1',
    ports: 'ephemeral',
    topology,
    networkDatabaseUrl: backend.databaseUrl(name(topology === 'sharded' ? 's' : 'o', 'network')),
    clusterDatabaseUrl: (id) => backend.databaseUrl(name(topology === 'sharded' ? 's' : 'o', id)),
    seed: 'always',
    seedValue: 566,
    clusterUrl: (_id, port) => `http://127.0.0.1:${port}`,
    shardTimeoutMs: 10_000,
    logger: createLogger('test', 'silent'),
    ...overrides,
  });
  const oneDatabase = await runNetwork(plan('one-database'));
  let sharded: RunningNetwork;
  try {
    sharded = await runNetwork(plan('sharded'));
  } catch (error) {
    await oneDatabase.close();
    throw error;
  }
  return {
    sharded,
    oneDatabase,
    close: async () => {
      await Promise.all([sharded.close(), oneDatabase.close()]);
      if (backend.kind !== 'mysql') return;
      const names = [name('s', 'network'), name('o', 'network'), name('o', ONE_DATABASE_NAME), ...FOUNDING_CLUSTERS.map((c) => name('s', c.id))];
      for (const database of names) await dropDatabase(backend.databaseUrl(database));
    },
  };
}
