import type { MergeRuleDefinition } from './merge-rule';

/** `concat`: the shards' lists joined in shard order (by cluster id), so a list ordered by global id stays ordered. */
export const concatRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  merge: (values) => values.flatMap((value) => value as unknown[]),
};
