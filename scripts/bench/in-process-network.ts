import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpTransport } from '../../gateway/src';
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

/** A seeded network in this process that counts the SQL statements its clusters run and the requests its gateway sends them. */
export interface CountingNetwork {
  network: RunningNetwork;
  counts: { statements: number; fetches: number };
  /** Zeroes the counts. */
  reset(): void;
  close(): Promise<void>;
}

export async function countingNetwork(topology: NonNullable<NetworkPlan['topology']>): Promise<CountingNetwork> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-sql-'));
  const counts = { statements: 0, fetches: 0 };
  const network = await inProcessNetwork(folder, {
    topology,
    onClusterQuery: () => {
      counts.statements += 1;
    },
    transport: (shard, subgraph, request, headers) => {
      counts.fetches += 1;
      return httpTransport(shard, subgraph, request, headers);
    },
  });
  return {
    network,
    counts,
    reset: () => {
      counts.statements = 0;
      counts.fetches = 0;
    },
    close: async () => {
      await network.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
