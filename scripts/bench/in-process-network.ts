import path from 'node:path';
import { createLogger } from '../../shared/logger';
import { runNetwork, type NetworkPlan, type RunningNetwork } from '../run-network';

/** The seeded network in this process, on SQLite files in `folder` and ephemeral ports, for the in-process sections. */
export function inProcessNetwork(folder: string, plan: Partial<NetworkPlan>): Promise<RunningNetwork> {
  return runNetwork({
    host: '127.0.0.1',
    ports: 'ephemeral',
    networkDatabaseUrl: `sqlite:${path.join(folder, 'network.sqlite')}`,
    clusterDatabaseUrl: (id) => `sqlite:${path.join(folder, `cluster-${id}.sqlite`)}`,
    seed: 'always',
    seedValue: 566,
    clusterUrl: (_id, port) => `http://127.0.0.1:${port}`,
    shardTimeoutMs: 30_000,
    // The poll's health probes would add their SELECT 1 to the statements section D counts.
    registryPollMs: 0,
    logger: createLogger('bench', 'error'),
    ...plan,
  });
}
