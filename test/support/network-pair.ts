import type { NetworkPlan, RunningNetwork } from '../../scripts/run-network';
import type { Backend } from './mysql';
import { startTestNetwork } from './test-network';

/** The sharded network and the one-database network (the oracle), seeded alike, side by side. */
export interface NetworkPair {
  sharded: RunningNetwork;
  oneDatabase: RunningNetwork;
  close(): Promise<void>;
}

/** Starts both networks on `backend`; database names start with `prefix` so suites do not collide. */
export async function startNetworkPair(backend: Backend, prefix: string, overrides: Partial<NetworkPlan> = {}): Promise<NetworkPair> {
  const oneDatabase = await startTestNetwork(backend, `${prefix}_o`, { topology: 'one-database', ...overrides });
  let sharded: RunningNetwork;
  try {
    sharded = await startTestNetwork(backend, `${prefix}_s`, { topology: 'sharded', ...overrides });
  } catch (error) {
    await oneDatabase.close();
    throw error;
  }
  return { sharded, oneDatabase, close: async () => void (await Promise.all([sharded.close(), oneDatabase.close()])) };
}
