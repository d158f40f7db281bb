import type { MergeRuleDefinition } from './merge-rule';

/** `max`: the largest of the shards' values. */
export const maxRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  merge: (values) => values.reduce((a, b) => ((b as number) > (a as number) ? b : a)),
};
