import { compareCodePoints } from '../../../../shared/sort-key';
import { groupByRule, mergeGroups, needsKey } from './group-by';
import type { MergeRuleDefinition } from './merge-rule';

/** `groupByKey`: as `groupBy`, with the buckets ordered by their key (code-point order), for buckets that not every shard has. */
export const groupByKeyRule: MergeRuleDefinition = {
  check: needsKey,
  fieldByField: true,
  atRoot: true,
  sent: groupByRule.sent!,
  merge: (values, context) =>
    mergeGroups(values, context)
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((group) => group.merged),
};

/** Code-point order for strings (as the shards' binary collation sorts), numeric order for numbers. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}
