import type { MergeRule } from '../../../../shared/shard-directive';
import { averageRule } from './average';
import { concatRule } from './concat';
import { connectionRule } from './connection';
import { groupByRule } from './group-by';
import { groupByKeyRule } from './group-by-key';
import type { MergeRuleDefinition } from './merge-rule';
import { maxRule } from './max';
import { minRule } from './min';
import { objectRule } from './object';
import { sameRule } from './same';
import { sumRule } from './sum';

/**
 * Every merge rule the `@shard(merge: …)` contract names, each in its file: its start-time check,
 * its helper fields and its merge. A rule named in `shared/shard-directive.ts` without a file here
 * does not compile.
 */
export const MERGE_RULE_REGISTRY: { readonly [Rule in MergeRule]: MergeRuleDefinition } = {
  connection: connectionRule,
  object: objectRule,
  sum: sumRule,
  min: minRule,
  max: maxRule,
  concat: concatRule,
  groupBy: groupByRule,
  groupByKey: groupByKeyRule,
  same: sameRule,
  average: averageRule,
};

export { ConnectionMerge } from './connection';
export { HELPER_PREFIX } from './helper-fields';
export type { Json, MergeScope, MergeSpec } from './merge-rule';
