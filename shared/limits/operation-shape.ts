import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** What an operation's selections look like once fragments are expanded. */
export interface OperationShape {
  /** Deepest nesting of fields; introspection (`__schema`, `__type`) is bounded by the schema and not counted. */
  depth: number;
  /** Fields selected under an alias (those `countsAlias` accepts). */
  aliases: number;
  /** Field selections in all, as the executor would visit them per object (not per list item). */
  fields: number;
}

/**
 * Walks the operation once, expanding fragment spreads where they occur. A fragment spread inside
 * itself (which validation refuses anyway) is not followed twice on one path, so the walk ends on
 * any document. It stops early once `stopAt` fields have been counted: the caller only needs to
 * know that a limit is passed. `countsAlias` says which aliases count (every one by default).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  stopAt = Number.POSITIVE_INFINITY,
  countsAlias: (alias: string) => boolean = () => true,
): OperationShape {
  const shape: OperationShape = { depth: 0, aliases: 0, fields: 0 };
  const walk = (selectionSet: SelectionSetNode, depth: number, spreading: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (shape.fields > stopAt) return;
      if (selection.kind === Kind.FIELD) {
        shape.fields += 1;
        if (selection.alias && countsAlias(selection.alias.value)) shape.aliases += 1;
        if (selection.name.value.startsWith('__')) continue;
        shape.depth = Math.max(shape.depth, depth);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spreading.has(name)) continue;
        walk(fragment.selectionSet, depth, new Set([...spreading, name]));
      }
    }
  };
  walk(operation.selectionSet, 1, new Set());
  return shape;
}
