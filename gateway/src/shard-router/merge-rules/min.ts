import type { MergeRuleDefinition } from './merge-rule';

/** `min`: the smallest of the shards' values (the earliest founding year). */
export const minRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  merge: (values) => values.reduce((a, b) => ((b as number) < (a as number) ? b : a)),
};
