import type { AssertionSigner } from '../../../shared/auth/gateway-assertion';
import { NETWORK_AUDIENCE } from '../../../shared/auth/gateway-assertion';
import type { Logger } from '../../../shared/logger';
import { SHARDED_SUBGRAPHS, shardedSubgraphUrl, type ShardedSubgraphName } from '../../../shared/sharded-subgraphs';
import { ShardSet, type RegistryEntry } from '../shard-router/shard-set';
import { deploymentBaseUrl, isShardedSubgraph, supergraphSubgraphs } from '../supergraph';
import { fetchClusterIds, fetchDeploymentSchemas, fetchRegistry, fetchSdl, retryUntil } from './registry-client';
import { composeNetworkSchema, type DeploymentSchemas, type NetworkSubgraphSource } from './network-schema';

/**
 * Where the gateway learns the network: the registry in the network subgraph (the usual way), or a
 * supergraph file given to it, with the shards from a list or from the deployment the file names.
 */
export type GatewaySource =
  | { kind: 'registry'; networkUrl: string }
  | { kind: 'supergraph'; supergraphSdl: string; shards?: readonly RegistryEntry[] };

/** The network as the gateway starts serving it. */
export interface Network {
  registry: RegistryEntry[];
  /** The registry revision read; 0 for a supergraph file. */
  revision: number;
  supergraphSdl: string;
  /** Each sharded subgraph's SDL, with the `@shard` rules the supergraph does not carry. */
  shardedSdl: Map<ShardedSubgraphName, string>;
  /** Deployments left out of the schema for lacking part of the core contract, and why. */
  excluded: ReadonlyMap<string, string>;
  /** The network subgraph as composed, for composing again; absent for a supergraph file. */
  networkSubgraph?: NetworkSubgraphSource;
  /** What each deployment that answered serves. */
  deployments: DeploymentSchemas[];
}

export interface NetworkReadOptions {
  /** How long to wait for the network subgraph and a first shard at start. Default 60000. */
  startupWaitMs?: number;
  logger: Logger;
  signAssertion: AssertionSigner;
}

function retrying(options: Pick<NetworkReadOptions, 'startupWaitMs' | 'logger'>) {
  const waitMs = options.startupWaitMs ?? 60_000;
  const onRetry = (error: unknown) => options.logger.debug({ err: error }, 'waiting for subgraphs');
  return <T>(what: string, attempt: () => Promise<T>) => retryUntil(what, waitMs, attempt, onRetry);
}

/**
 * The registry names the shards; the supergraph is composed from what their deployments serve: the
 * part of each sharded subgraph every deployment that answers serves (network-schema.ts). One that
 * does not answer yet is taken in by the schema follower once it does.
 */
export async function readFromRegistry(networkUrl: string, options: NetworkReadOptions): Promise<Network> {
  const retry = retrying(options);
  const { entries: registry, revision } = await retry('Reading the cluster registry', () => fetchRegistry(networkUrl, options.signAssertion));
  const networkSdl = await retry('Reading the network subgraph schema', () => fetchSdl(networkUrl, options.signAssertion, [NETWORK_AUDIENCE]));
  // A suspended cluster's deployment is not asked anything, its schema included.
  const asked = new ShardSet(registry, 0).shards.filter((shard) => !shard.suspended);
  const deployments = await retry('Reading the cluster deployments\' schemas', async () => {
    const answers = await Promise.all(asked.map((shard) => fetchDeploymentSchemas(shard, options.signAssertion).catch(() => null)));
    const answered = answers.filter((answer): answer is DeploymentSchemas => answer !== null);
    if (answered.length === 0) throw new Error('no cluster deployment answered');
    return answered;
  });
  const schema = composeNetworkSchema({ url: networkUrl, sdl: networkSdl }, registry[0]!.url, deployments);
  return { registry, revision, supergraphSdl: schema.supergraphSdl, shardedSdl: schema.shardedSdl, excluded: schema.excluded, networkSubgraph: { url: networkUrl, sdl: networkSdl }, deployments };
}

/**
 * The supergraph file is served as given. Its sharded subgraphs are routed over the shards listed,
 * or, without a list, over the deployment the file names, which says at `/health` whose clusters
 * it serves.
 */
export async function readFromSupergraph(source: Extract<GatewaySource, { kind: 'supergraph' }>, options: NetworkReadOptions): Promise<Network> {
  const retry = retrying(options);
  const sharded = supergraphSubgraphs(source.supergraphSdl).filter((subgraph) => isShardedSubgraph(subgraph.name));
  let registry = source.shards ? [...source.shards] : [];
  if (registry.length === 0 && sharded.length > 0) {
    const first = sharded[0]!;
    const baseUrl = deploymentBaseUrl(first.name as (typeof SHARDED_SUBGRAPHS)[number], first.url);
    const clusterIds = await retry(`Asking ${baseUrl}/health which clusters it serves`, () => fetchClusterIds(baseUrl));
    registry = clusterIds.map((id) => ({ id, url: baseUrl }));
  }
  const names = sharded.map((subgraph) => subgraph.name as (typeof SHARDED_SUBGRAPHS)[number]);
  const shardedSdl = await readShardedSdl(registry, names, retry, options.signAssertion);
  return { registry, revision: 0, supergraphSdl: source.supergraphSdl, shardedSdl, excluded: new Map(), deployments: [] };
}

async function readShardedSdl(
  registry: readonly RegistryEntry[],
  names: ReadonlyArray<(typeof SHARDED_SUBGRAPHS)[number]>,
  retry: ReturnType<typeof retrying>,
  sign: AssertionSigner,
): Promise<Map<ShardedSubgraphName, string>> {
  const shardedSdl = new Map<ShardedSubgraphName, string>();
  // A suspended cluster's deployment is not asked anything, its schema included.
  const asked = registry.filter((entry) => entry.status !== 'SUSPENDED');
  for (const subgraph of names) {
    const audience = (entry: RegistryEntry) => registry.filter((other) => other.url === entry.url).map((other) => other.id);
    const sdl = await retry(`Reading the ${subgraph} schema from a cluster`, () => firstAnswer(asked, (entry) => fetchSdl(shardedSubgraphUrl(entry.url, subgraph), sign, audience(entry))));
    shardedSdl.set(subgraph, sdl);
  }
  return shardedSdl;
}

async function firstAnswer<T>(registry: readonly RegistryEntry[], ask: (entry: RegistryEntry) => Promise<T>): Promise<T> {
  let last: unknown = new Error('no clusters are known');
  for (const entry of registry) {
    try {
      return await ask(entry);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
