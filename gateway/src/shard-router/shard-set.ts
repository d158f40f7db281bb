import { badUserInput } from '../../../shared/errors';
import { compareCodePoints } from '../../../shared/sort-key';

/** A cluster as the registry lists it. Retired clusters are not listed at all. */
export interface RegistryEntry {
  id: string;
  url: string;
  /** Absent: active. A suspended cluster keeps its place in the network but its deployment is not asked. */
  status?: 'ACTIVE' | 'SUSPENDED';
}

/** One deployment of the cluster program: usually one cluster, all of them for the oracle. */
export interface Shard {
  /** The first cluster id it serves, for messages and ordering. */
  name: string;
  clusterIds: readonly string[];
  baseUrl: string;
  timeoutMs: number;
  /** Suspended by the secretariat: answered as unavailable ("suspended") without being asked. */
  suspended: boolean;
}

/**
 * The shards of the network, from the registry. Clusters registered at the same URL share one shard,
 * so a gateway over the one-database oracle sends every cluster to it. Shards are ordered by cluster
 * id: the order `concat` merges follow. A set never changes: the registry's next state is a new set,
 * which keeps the shards that did not change (and so their circuit breakers and records).
 */
export class ShardSet {
  readonly shards: readonly Shard[];
  readonly entries: readonly RegistryEntry[];
  private readonly byCluster: ReadonlyMap<string, Shard>;

  constructor(registry: readonly RegistryEntry[], timeoutMs: number, timeouts: Readonly<Record<string, number>> = {}, previous?: ShardSet) {
    this.entries = [...registry].sort((a, b) => compareCodePoints(a.id, b.id)).map((entry) => ({ id: entry.id, url: entry.url.replace(/\/+$/, ''), status: entry.status ?? 'ACTIVE' }));
    const byDeployment = new Map<string, { baseUrl: string; suspended: boolean; clusterIds: string[] }>();
    for (const entry of this.entries) {
      const suspended = entry.status === 'SUSPENDED';
      const key = `${suspended ? 'suspended' : 'active'} ${entry.url}`;
      const deployment = byDeployment.get(key) ?? { baseUrl: entry.url, suspended, clusterIds: [] };
      deployment.clusterIds.push(entry.id);
      byDeployment.set(key, deployment);
    }
    const kept = new Map((previous?.shards ?? []).map((shard) => [shardKey(shard), shard]));
    this.shards = [...byDeployment.values()]
      .map(({ baseUrl, suspended, clusterIds }) => ({
        name: clusterIds[0]!,
        clusterIds,
        baseUrl,
        timeoutMs: Math.max(...clusterIds.map((id) => timeouts[id] ?? timeoutMs)),
        suspended,
      }))
      .map((shard) => kept.get(shardKey(shard)) ?? shard)
      .sort((a, b) => compareCodePoints(a.name, b.name));
    this.byCluster = new Map(this.shards.flatMap((shard) => shard.clusterIds.map((id) => [id, shard] as const)));
  }

  has(clusterId: string): boolean {
    return this.byCluster.has(clusterId);
  }

  /** The shard of a cluster, or undefined when the network has no such cluster. */
  find(clusterId: string): Shard | undefined {
    return this.byCluster.get(clusterId);
  }

  /** Whether `other` holds the same shards: a registry read that changed nothing the router uses. */
  sameShards(other: ShardSet): boolean {
    return this.shards.length === other.shards.length && this.shards.every((shard, index) => shard === other.shards[index]);
  }

  /** The shard serving a cluster; an unknown cluster is the caller's mistake. */
  forCluster(clusterId: string, argument = 'id'): Shard {
    const shard = this.byCluster.get(clusterId);
    // A mutation's routing value sits in its input (`input.cluster`): named as the field it is.
    if (!shard) throw badUserInput(`Unknown cluster ${JSON.stringify(clusterId)}`, { argument, ...(argument.includes('.') ? { field: argument } : {}), cluster: clusterId });
    return shard;
  }

  /**
   * The shards serving any of `clusterIds`, in shard order; all shards when none are named. The
   * value is the variable as the client sent it: GraphQL reads a single value given for a list as a
   * list of one, and so does this.
   */
  forClusters(clusterIds: unknown): Shard[] {
    if (clusterIds === null || clusterIds === undefined) return [...this.shards];
    const wanted = new Set<Shard>();
    for (const id of Array.isArray(clusterIds) ? clusterIds : [clusterIds]) wanted.add(this.forCluster(String(id), 'clusters'));
    return this.shards.filter((shard) => wanted.has(shard));
  }
}

/** What makes two shards the same: where they answer, for which clusters, within what time, and whether they are asked at all. */
function shardKey(shard: Shard): string {
  return JSON.stringify([shard.baseUrl, shard.clusterIds, shard.timeoutMs, shard.suspended]);
}
