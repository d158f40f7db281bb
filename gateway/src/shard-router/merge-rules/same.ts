import type { MergeRuleDefinition } from './merge-rule';

/** `same`: every shard returns the same value (a key, a type name); the first is taken. */
export const sameRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  merge: (values) => values[0],
};
