import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

export type Variables = Readonly<Record<string, unknown>>;

export interface SelectionScope {
  schema: GraphQLSchema;
  variables: Variables;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

/**
 * The fields a selection set asks of an object of type `typeName`, by response key, with fragments
 * flattened and `@skip`/`@include` applied: what the client will find in the answer.
 */
export function collectFields(
  selectionSet: SelectionSetNode | undefined,
  typeName: string,
  scope: SelectionScope,
  into: Map<string, FieldNode[]> = new Map(),
): Map<string, FieldNode[]> {
  for (const selection of selectionSet?.selections ?? []) {
    if (!isIncluded(selection, scope.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(selection.typeCondition?.name.value, typeName, scope.schema)) {
        collectFields(selection.selectionSet, typeName, scope, into);
      }
    } else {
      const fragment = scope.fragments.get(selection.name.value);
      if (fragment && appliesTo(fragment.typeCondition.name.value, typeName, scope.schema)) {
        collectFields(fragment.selectionSet, typeName, scope, into);
      }
    }
  }
  return into;
}

/** The union of the sub-selections of several nodes of one response key. */
export function mergedSubSelection(nodes: readonly FieldNode[]): SelectionSetNode | undefined {
  const selections = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return selections.length > 0 ? { kind: Kind.SELECTION_SET, selections } : undefined;
}

export function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument ? valueFromASTUntyped(argument.value, variables as Record<string, unknown>) : undefined;
}

/** The value at `path` (`input.cluster`): an argument, then fields of the input object it holds. */
export function argumentPathValue(field: FieldNode, path: string, variables: Variables): unknown {
  const [name, ...rest] = path.split('.');
  let value = argumentValue(field, name!, variables);
  for (const key of rest) {
    value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function appliesTo(condition: string | undefined, typeName: string, schema: GraphQLSchema): boolean {
  if (!condition || condition === typeName) return true;
  const abstract = schema.getType(condition);
  const object = schema.getType(typeName);
  return isAbstractType(abstract) && isObjectType(object) && schema.isSubType(abstract, object);
}

/** `@skip` and `@include` as graphql-js reads them; a selection without directives (nearly all) costs nothing. */
function isIncluded(node: SelectionNode, variables: Variables): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include === undefined || include.if === true;
}
