import { badUserInput } from '../../../shared/errors';
import { compareCodePoints } from '../../../shared/sort-key';

export interface RegistryEntry {
  id: string;
  url: string;
}

/** One deployment of the cluster program: usually one cluster, all of them for the oracle. */
export interface Shard {
  /** The first cluster id it serves, for messages and ordering. */
  name: string;
  clusterIds: readonly string[];
  baseUrl: string;
  timeoutMs: number;
}

/**
 * The shards of the network, from the registry. Clusters registered at the same URL share one shard,
 * so a gateway over the one-database oracle sends every cluster to it. Shards are ordered by cluster
 * id: the order `concat` merges follow.
 */
export class ShardSet {
  readonly shards: readonly Shard[];
  private readonly byCluster: ReadonlyMap<string, Shard>;

  constructor(registry: readonly RegistryEntry[], timeoutMs: number, timeouts: Readonly<Record<string, number>> = {}) {
    const byUrl = new Map<string, string[]>();
    for (const entry of [...registry].sort((a, b) => compareCodePoints(a.id, b.id))) {
      const url = entry.url.replace(/\/+$/, '');
      byUrl.set(url, [...(byUrl.get(url) ?? []), entry.id]);
    }
    this.shards = [...byUrl].map(([baseUrl, clusterIds]) => ({
      name: clusterIds[0]!,
      clusterIds,
      baseUrl,
      timeoutMs: Math.max(...clusterIds.map((id) => timeouts[id] ?? timeoutMs)),
    }));
    this.byCluster = new Map(this.shards.flatMap((shard) => shard.clusterIds.map((id) => [id, shard] as const)));
  }

  has(clusterId: string): boolean {
    return this.byCluster.has(clusterId);
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
