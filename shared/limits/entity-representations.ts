import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** The root field through which Federation asks a subgraph for entities by their keys. */
export const ENTITIES_FIELD = '_entities';

/** The length of a list argument as GraphQL coerces it: a single value stands for a list of one. */
export function coercedListLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value === null || value === undefined ? 0 : 1;
}

/**
 * How many representations an operation asks a subgraph to resolve, over all its `_entities` fields
 * (aliases and fragments at the root included). Read from the document and the request's variables
 * before anything runs, so that a request of too many is refused before its first statement.
 */
export function countRepresentations(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): number {
  let count = 0;
  const walk = (selectionSet: SelectionSetNode, spreading: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== ENTITIES_FIELD) continue;
        const argument = selection.arguments?.find((candidate) => candidate.name.value === 'representations');
        if (argument) count += valueLength(argument.value, variables);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refuses a fragment inside itself; it is not followed twice here either.
        if (fragment && !spreading.has(name)) walk(fragment.selectionSet, new Set([...spreading, name]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return count;
}

function valueLength(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  if (value.kind === Kind.VARIABLE) return coercedListLength(variables[value.name.value]);
  if (value.kind === Kind.LIST) return value.values.length;
  return value.kind === Kind.NULL ? 0 : 1;
}
