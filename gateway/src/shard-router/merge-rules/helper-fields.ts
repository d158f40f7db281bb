import { Kind, type FieldNode } from 'graphql';

/** Fields and variables the router adds to a shard's query for its own use; they never reach the client. */
export const HELPER_PREFIX = '__sr_';

/** A field under an alias no client can use (`__sr_…`), with `selections` beneath it when given. */
export function helperField(alias: string, name: string, selections?: FieldNode[]): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: `${HELPER_PREFIX}${alias}` },
    name: { kind: Kind.NAME, value: name },
    ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  };
}

/** The response key of a helper field named `alias` by `helperField`. */
export const helperKey = (alias: string) => `${HELPER_PREFIX}${alias}`;

/** `field` with `extra` fields added to its selection set. */
export function addSelections(field: FieldNode, extra: readonly FieldNode[]): FieldNode {
  const selections = [...(field.selectionSet?.selections ?? []), ...extra];
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
}
