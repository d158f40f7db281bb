import type { FieldNode } from 'graphql';
import { mergedSubSelection } from '../selection';
import type { HelperContext, Json, MergeRuleDefinition, SentField } from './merge-rule';

/** `object`: the shards' objects merged field by field, each field by its own rule. */
export const objectRule: MergeRuleDefinition = {
  fieldByField: true,
  atRoot: true,
  sent: (field, context) => ({ field: withHelpersBeneath(field, context) }),
  merge: (values, context) => context.mergeObjects(values as Json[], mergedSubSelection(context.nodes), context.typeName),
};

/** The field with the helpers of every field beneath it: what the rules merging field by field send. */
export function withHelpersBeneath(field: FieldNode, context: HelperContext): FieldNode {
  return field.selectionSet ? { ...field, selectionSet: context.underSelection(field.selectionSet, context.typeName) } : field;
}

export type { SentField };
