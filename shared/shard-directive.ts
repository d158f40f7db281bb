/**
 * The contract between the cluster subgraph and the gateway's shard router, written in the
 * subgraph's own SDL next to each field and type it governs:
 *
 *   type Query {
 *     member(id: ID!): Member @shard(route: "id", arg: "id")           # to the shard that owns the id
 *     members(…, clusters: [ID!]): MemberConnection! @shard(route: "all", merge: "connection")
 *   }
 *   type Cluster @key(fields: "id") @shard(route: "cluster", arg: "id") # the key is the shard
 *   type Project { partners: [Member!]! @shard(refs: "any") }          # may name other clusters' rows
 *   type NetworkStats {
 *     members: Int! @shard(merge: "sum")
 *     averageCompanySize: Float @shard(merge: "average", sum: "employees", count: "companies")
 *   }
 *
 * The router reads these from the SDL at start; a field it would fan out without a merge rule stops
 * the gateway with a message naming the field.
 */
export const SHARD_DIRECTIVE_SDL =
  'directive @shard(route: String, arg: String, merge: String, key: String, sum: String, count: String, refs: String) on OBJECT | FIELD_DEFINITION';

/** How a root field or an entity type picks its shards. */
export const SHARD_ROUTES = {
  /** `arg` (an argument, or an entity key field) holds a global id: its cluster's shard alone. */
  id: 'id',
  /** `arg` holds a cluster id. */
  cluster: 'cluster',
  /** Every shard, or those named by a `clusters:` argument; the results merge by rule. */
  all: 'all',
} as const;
export type ShardRoute = keyof typeof SHARD_ROUTES;

/** How the answers of several shards for one field become one. */
export const MERGE_RULES = {
  connection: 'k-way merge of keyset-ordered Relay connections: edges by cursor, totalCount summed, pageInfo recomputed',
  object: 'each selected field merged by its own rule',
  sum: 'numbers added',
  min: 'the smallest value',
  max: 'the largest value',
  concat: 'lists joined in shard order (shards ordered by cluster id), so a list ordered by global id stays ordered',
  groupBy: 'list items with the same `key` field merged as objects, in order of first appearance',
  groupByKey: 'as groupBy, with the buckets ordered by their `key` (code-point order): for buckets that not every shard has',
  same: 'every shard returns the same value (a key or a type name); the first is taken',
  average: 'the sum of the `sum` field over the sum of the `count` field (sibling Int fields), never an average of averages; null when the count is 0',
} as const;
export type MergeRule = keyof typeof MERGE_RULES;

/**
 * Whose rows a field may hold. By default every object a shard returns is its own (the gateway
 * refuses an answer naming another cluster's row); `refs: "any"` marks a reference that may cross
 * clusters (a project's partner, a registration's member), whose ids are checked for form only.
 */
export const SHARD_REFS = {
  any: 'the objects this field holds may belong to any cluster: only their form is checked',
} as const;
export type ShardRefs = keyof typeof SHARD_REFS;

export interface ShardDirectiveArgs {
  route?: ShardRoute;
  arg?: string;
  merge?: MergeRule;
  key?: string;
  /** For `average`: the sibling field holding each shard's total. */
  sum?: string;
  /** For `average`: the sibling field holding each shard's count. */
  count?: string;
  refs?: ShardRefs;
}

/** The directive text for a type-graphql `@Directive(...)`. */
export function shardDirective(args: ShardDirectiveArgs): string {
  const parts = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
  return `@shard(${parts.join(', ')})`;
}
