/**
 * The logical subgraphs every cluster deployment serves, each at `<cluster url>/<name>/graphql`.
 * The gateway composes each once, whatever the number of clusters, and routes it through its shard
 * router. Members and projects are apart so that a project's partners are fetched as entities from
 * their own cluster; participation (a member's projects) is apart because every cluster may hold
 * some of them.
 */
export const SHARDED_SUBGRAPHS = ['members', 'projects', 'participation'] as const;
export type ShardedSubgraphName = (typeof SHARDED_SUBGRAPHS)[number];

export function shardedSubgraphUrl(clusterBaseUrl: string, subgraph: ShardedSubgraphName): string {
  return `${clusterBaseUrl.replace(/\/+$/, '')}/${subgraph}/graphql`;
}

/** The network subgraph's name in the supergraph. */
export const NETWORK_SUBGRAPH = 'network';
