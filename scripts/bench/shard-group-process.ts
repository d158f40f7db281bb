import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { listen } from '../../shared/server/http-app';
import { createClusterSubgraph } from '../../subgraphs/cluster/src';
import { exitOnFailure, stopOnSignals } from '../process-lifecycle';
import { ONE_DATABASE_NAME, prepareClusterDatabase } from '../run-network';
import { networkData } from '../../seed/network-data';
import { benchTokenVerifier, benchVerifier, type BenchAssertions } from './bench-assertions';
import { announceReady } from './child-process';
import { startTracing } from '../../shared/tracing/tracing';
import { splitNetwork } from './split-network';

export interface ShardGroupConfig {
  topology: 'sharded' | 'one-database';
  /** Shards per founding cluster: 1 (9 shards), 3 (27) or 9 (81). */
  parts: number;
  /** This process serves every `groups`-th deployment, starting at `group`. */
  group: number;
  groups: number;
  assertions: BenchAssertions;
  /** Whether the deployments record and serve metrics; true when omitted. */
  metrics?: boolean;
}

export interface ShardGroupInfo {
  deployments: Array<{ clusterIds: string[]; url: string }>;
}

/**
 * Some of a network's cluster deployments, on fresh SQLite files, in a process of their own: the
 * benchmark spreads shards over processes, as deployments are spread over machines.
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as ShardGroupConfig;
  // Traces only when the benchmark gave this process an OTLP endpoint (section G).
  startTracing('bench-shard-group-process');
  const logger = createLogger('bench', 'error');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-'));
  const { clusters, data } = splitNetwork(FOUNDING_CLUSTERS, networkData(566), config.parts);
  const all = config.topology === 'one-database' ? [clusters.map((c) => c.id)] : clusters.map((c) => [c.id]);
  const mine = all.filter((_ids, index) => index % config.groups === config.group);
  const closers: Array<() => Promise<void>> = [];
  const deployments: ShardGroupInfo['deployments'] = [];
  for (const clusterIds of mine) {
    const name = clusterIds.length > 1 ? ONE_DATABASE_NAME : clusterIds[0]!;
    const dataSource = await prepareClusterDatabase(clusterIds, `sqlite:${path.join(folder, `${name}.sqlite`)}`, 'always', 566, logger, { data });
    const verifyToken = benchTokenVerifier(config.assertions);
    const subgraph = await createClusterSubgraph({
      dataSource,
      clusterIds,
      logger,
      gatewayAssertion: benchVerifier(config.assertions, clusterIds),
      metrics: config.metrics ?? true,
      ...(verifyToken ? { verifyToken } : {}),
    });
    const server = await listen(subgraph.app, 0, '127.0.0.1');
    deployments.push({ clusterIds, url: server.url });
    closers.push(async () => (await server.close(), await subgraph.stop(), await dataSource.destroy()));
  }
  announceReady({ deployments } satisfies ShardGroupInfo);
  stopOnSignals(async () => {
    for (const close of closers) await close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
}

exitOnFailure(main);
