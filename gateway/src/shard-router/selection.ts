import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  visit,
  type ASTNode,
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

/**
 * The variables that `@skip(if:)` and `@include(if:)` read anywhere under `node`, fragments
 * followed: the only variables on which the fields a selection asks depend.
 */
export function conditionVariables(node: ASTNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const names = new Set<string>();
  const seenFragments = new Set<string>();
  const pending: ASTNode[] = [node];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      Directive(directive) {
        if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
        for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
      },
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seenFragments.has(spread.name.value)) {
          seenFragments.add(spread.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return [...names].sort();
}

/** What `names`, conditions' variables, come to under `variables`: selections collected under other outcomes differ. */
export function conditionOutcome(names: readonly string[], variables: Variables): string {
  let text = '';
  for (const name of names) text += `${name}=${String(variables[name])};`;
  return text;
}

/** `@skip` and `@include` as graphql-js reads them; a selection without directives (nearly all) costs nothing. */
function isIncluded(node: SelectionNode, variables: Variables): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include === undefined || include.if === true;
}
