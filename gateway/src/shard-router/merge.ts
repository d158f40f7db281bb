import { getNamedType, isInterfaceType, isObjectType, Kind, type FieldNode, type GraphQLField, type SelectionNode, type SelectionSetNode } from 'graphql';
import { MERGE_RULE_REGISTRY } from './merge-rules';
import type { HelperContext, Json, MergeContext, MergeScope, MergeSpec } from './merge-rules/merge-rule';
import { collectFields } from './selection';

/**
 * The merge stage: a field's answers from several shards, given in shard order (shards ordered by
 * cluster id), made into what one database would have answered, each field by the rule its
 * `@shard(merge: …)` names (`merge-rules/`); and, before sending, the field as shards must receive
 * it, with the helper fields those rules read. The result is built from the client's selection, so
 * the helpers are left behind.
 */
export function mergeField(spec: MergeSpec, values: readonly unknown[], nodes: readonly FieldNode[], typeName: string, scope: MergeScope): unknown {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return null;
  const context: MergeContext = { spec, nodes, typeName, scope, mergeObjects: (objects, selection, objectType) => mergeObjects(objects, selection, objectType, scope) };
  return MERGE_RULE_REGISTRY[spec.merge].merge(present, context);
}

/** Objects of `typeName` from several shards, merged field by field under `selection`. */
export function mergeObjects(values: readonly Json[], selection: SelectionSetNode | undefined, typeName: string, scope: MergeScope): Json {
  const result: Json = {};
  const keys = scope.rules.keyFields.get(typeName);
  const fields = fieldsOf(typeName, scope);
  for (const [responseKey, nodes] of collectFields(selection, typeName, scope)) {
    const fieldName = nodes[0]!.name.value;
    const spec = scope.rules.fieldMerges.get(`${typeName}.${fieldName}`);
    if (fieldName === '__typename' || keys?.has(fieldName) || !spec) {
      // Checked at start: only key fields and the type name lack a rule here.
      result[responseKey] = values.map((value) => value[responseKey]).find((value) => value !== undefined) ?? null;
      continue;
    }
    const read = MERGE_RULE_REGISTRY[spec.merge].read;
    const fieldValues = values.map((value) => (read ? read(value, responseKey) : value[responseKey]));
    const field = fields[fieldName];
    result[responseKey] = mergeField(spec, fieldValues, nodes, field ? getNamedType(field.type).name : typeName, scope);
  }
  return result;
}

/**
 * The field as a shard must receive it: with the helper fields its merge needs (cursors and
 * `hasNextPage` of connections, the key of grouped lists), under aliases no client can use.
 */
export function withMergeHelpers(field: FieldNode, spec: MergeSpec, typeName: string, scope: MergeScope): FieldNode {
  return sentFor(field, spec, typeName, scope).field;
}

/** A selection set of `typeName` with the helpers every merged field beneath it needs. */
export function transformSelectionSet(selectionSet: SelectionSetNode, typeName: string, scope: MergeScope): SelectionSetNode {
  const fields = fieldsOf(typeName, scope);
  const selections = selectionSet.selections.flatMap((selection): SelectionNode[] => {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = selection.typeCondition?.name.value ?? typeName;
      return [{ ...selection, selectionSet: transformSelectionSet(selection.selectionSet, inner, scope) }];
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      // A named fragment may be spread where merges need helpers and elsewhere where they do not:
      // the shard gets it inlined here, with the helpers this spot needs.
      const fragment = scope.fragments.get(selection.name.value);
      if (!fragment) return [selection];
      const inner = fragment.typeCondition.name.value;
      return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: transformSelectionSet(fragment.selectionSet, inner, scope) }];
    }
    const spec = scope.rules.fieldMerges.get(`${typeName}.${selection.name.value}`);
    const field = fields[selection.name.value];
    if (!spec || !field) return [selection];
    const sent = sentFor(selection, spec, getNamedType(field.type).name, scope);
    return [sent.field, ...(sent.siblings ?? [])];
  });
  return { ...selectionSet, selections };
}

function sentFor(field: FieldNode, spec: MergeSpec, typeName: string, scope: MergeScope) {
  const context: HelperContext = { spec, typeName, scope, underSelection: (selectionSet, objectType) => transformSelectionSet(selectionSet, objectType, scope) };
  return MERGE_RULE_REGISTRY[spec.merge].sent?.(field, context) ?? { field };
}

function fieldsOf(typeName: string, scope: MergeScope): Readonly<Record<string, GraphQLField<unknown, unknown>>> {
  const type = scope.rules.schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}
