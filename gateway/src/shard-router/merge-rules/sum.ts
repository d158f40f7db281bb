import type { MergeRuleDefinition } from './merge-rule';

/** `sum`: the shards' numbers added (counts, totals). */
export const sumRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  merge: (values) => values.reduce((total: number, value) => total + Number(value), 0),
};
