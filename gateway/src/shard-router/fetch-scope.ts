import type { AnswerChecks, AnswerScope } from './answer-check';
import type { MergeScope } from './merge-rules';
import type { OperationPlan } from './operation-plan';
import type { Variables } from './selection';
import type { ShardRequest, ShardResult } from './send';
import type { Shard, ShardSet } from './shard-set';
import type { ShardRules } from './shard-rules';

/** How one incoming request reaches shards, and where a shard's answer to it that was refused is told. */
export interface Outgoing {
  send(shard: Shard, request: ShardRequest, idempotent: boolean): Promise<ShardResult>;
  refused(shard: Shard, reason: string): void;
}

/** What one fetch of the query planner's is worked out with: the rules, the plan, the request's variables, its way to the shards. */
export interface FetchScope {
  rules: ShardRules;
  checks: AnswerChecks;
  plan: OperationPlan;
  variables: Variables;
  outgoing: Outgoing;
  /** The shards the request began with. */
  shards: ShardSet;
}

export type Json = Record<string, unknown>;

/** What merging reads: the schema and rules, the request's variables, the operation's fragments. */
export function mergeScope(fetch: FetchScope, variables: Variables = fetch.variables): MergeScope & { rules: ShardRules } {
  return { schema: fetch.rules.schema, rules: fetch.rules, variables, fragments: fetch.plan.fragments };
}

/** How a shard's answer is checked: against what was sent to it, with the variables it got, for the clusters it serves. */
export function answerScope(fetch: FetchScope, variables: Variables, shard: Shard): AnswerScope {
  return { ...mergeScope(fetch, variables), own: ownClusters(shard) };
}

/** The clusters a shard serves, as the answer checks look them up; a shard's set is made once. */
const OWN_CLUSTERS = new WeakMap<Shard, ReadonlySet<string>>();
function ownClusters(shard: Shard): ReadonlySet<string> {
  let own = OWN_CLUSTERS.get(shard);
  if (!own) OWN_CLUSTERS.set(shard, (own = new Set(shard.clusterIds)));
  return own;
}
