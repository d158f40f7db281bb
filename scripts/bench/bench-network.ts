import os from 'node:os';
import path from 'node:path';
import type { BenchAssertions } from './bench-assertions';
import { GATEWAY_NODE_FLAGS } from '../gateway-node-flags';
import { startChild, type ReadyChild } from './child-process';
import type { GatewayConfig } from './gateway-process';
import type { NetworkProcessConfig } from './network-process';
import type { ShardGroupConfig, ShardGroupInfo } from './shard-group-process';

/** The processes of a benchmark network: its deployments, its network subgraph and the gateways in front. */

/**
 * How many processes share a sharded network's deployments: as many as the machine has cores.
 * One process per shard would measure the machine's context switches between nine processes on two
 * cores, which deployments on their own machines do not pay (BENCH_SHARD_PROCESSES=9 shows it).
 */
export const SHARD_PROCESSES = Number(process.env.BENCH_SHARD_PROCESSES ?? os.cpus().length);

/** The gateway key of this run, which every benchmark process reads (see bench-assertions.ts). */
export const GATEWAY_KEYS_FILE = path.join(os.tmpdir(), `itro-bench-gateway-keys-${process.pid}.json`);

export interface Subgraphs {
  networkUrl: string;
  clusterUrls: string[];
  shards: number;
  stop(): Promise<void>;
}

/** A network's subgraphs for the benchmark: its shards spread over `groups` processes, and the network subgraph. */
export async function startSubgraphs(
  topology: ShardGroupConfig['topology'],
  parts: number,
  groups: number,
  subgraphAssertions: BenchAssertions['subgraphs'] = 'required',
  metrics = true,
  env: Record<string, string> = {},
  tokenKeysFile?: string,
  /** Where the network subgraph reads the URL of the gateway its consortia ask (see network-process.ts). */
  gatewayUrlFile?: string,
): Promise<Subgraphs> {
  const started: Array<ReadyChild<unknown>> = [];
  const assertions: BenchAssertions = { keysFile: GATEWAY_KEYS_FILE, subgraphs: subgraphAssertions, ...(tokenKeysFile ? { tokenKeysFile } : {}) };
  try {
    const shardGroups = await Promise.all(
      Array.from({ length: groups }, (_, group) => startChild<ShardGroupInfo>('shard-group-process', { topology, parts, group, groups, assertions, metrics } satisfies ShardGroupConfig, { env })),
    );
    started.push(...shardGroups);
    const deployments = shardGroups.flatMap((g) => g.info.deployments);
    const urls = Object.fromEntries(deployments.flatMap((d) => d.clusterIds.map((id) => [id, d.url])));
    const network = await startChild<{ networkUrl: string }>('network-process', { parts, urls, assertions, metrics, ...(gatewayUrlFile ? { gatewayUrlFile } : {}) } satisfies NetworkProcessConfig, { env });
    started.push(network);
    return {
      networkUrl: network.info.networkUrl,
      clusterUrls: deployments.map((d) => d.url),
      shards: deployments.length,
      stop: async () => void (await Promise.all(started.map((child) => child.stop()))),
    };
  } catch (error) {
    await Promise.all(started.map((child) => child.stop()));
    throw error;
  }
}

/** How a gateway's process is started: its environment, where it writes a CPU profile or runs, the token keys it checks callers with. */
export interface GatewayProcessOptions {
  env?: Record<string, string>;
  profileDir?: string;
  tokenKeysFile?: string;
  cwd?: string;
}

export async function gatewayFor(
  kind: GatewayConfig['kind'],
  networkUrl: string,
  variant: Pick<GatewayConfig, 'trust' | 'shareReads' | 'metrics' | 'registryPollMs'> = {},
  { env = {}, profileDir, tokenKeysFile, cwd }: GatewayProcessOptions = {},
): Promise<ReadyChild<{ url: string }>> {
  const assertions: BenchAssertions = { keysFile: GATEWAY_KEYS_FILE, subgraphs: 'required', ...(tokenKeysFile ? { tokenKeysFile } : {}) };
  return startChild<{ url: string }>('gateway-process', { kind, networkUrl, assertions, ...variant } satisfies GatewayConfig, { env, profileDir, cwd, nodeFlags: GATEWAY_NODE_FLAGS });
}

/**
 * The processes one section starts, stopped together (the last started first) however the section
 * ends: a child that fails to start must not leave the ones before it running.
 */
export class ProcessGroup {
  private readonly started: Array<{ stop(): Promise<void> }> = [];

  async add<Child extends { stop(): Promise<void> }>(starting: Promise<Child>): Promise<Child> {
    const child = await starting;
    this.started.push(child);
    return child;
  }

  async stop(): Promise<void> {
    for (const child of this.started.splice(0).reverse()) await child.stop();
  }
}
