import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import { conditionVariables } from './selection';

/** A subgraph operation as the query planner sent it, parsed once and kept. */
export interface OperationPlan {
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The `_entities` field when this is an entity fetch. */
  entitiesField?: FieldNode;
  /** The variables `@skip`/`@include` read: the only ones the fields asked depend on. */
  conditionVariables: readonly string[];
  /** `_entities` as shards receive it (with merge helpers or without), and its printed document. */
  sentEntities: Map<string, { field: FieldNode; query: string }>;
}

const PLAN_CACHE_LIMIT = 2000;

/**
 * Parsed operations by query text. The planner sends the same few subgraph operations again and
 * again, so parsing and printing are paid once per shape, not per request.
 */
export class OperationPlanCache {
  private readonly plans = new Map<string, OperationPlan>();

  get(query: string): OperationPlan {
    let plan = this.plans.get(query);
    if (!plan) {
      plan = buildPlan(parse(query));
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(query, plan);
    }
    return plan;
  }
}

function buildPlan(document: DocumentNode): OperationPlan {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`expected one operation in a subgraph fetch, got ${operations.length}`);
  const operation = operations[0]!;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const entitiesField = operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  return { operation, fragments, entitiesField, conditionVariables: conditionVariables(document, fragments), sentEntities: new Map() };
}

/**
 * The operation carrying only `fields` at its root, with the variables and fragments they use:
 * GraphQL rejects unused ones. `extraVariables` are variables the router added itself.
 */
export function printSubOperation(plan: OperationPlan, fields: readonly FieldNode[], extraVariables: readonly VariableDefinitionNode[] = []): string {
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const pending: Array<{ readonly kind: string }> = [...fields];
  while (pending.length > 0) {
    visit(pending.pop() as FieldNode, {
      FragmentSpread(node) {
        if (!usedFragments.has(node.name.value)) {
          usedFragments.add(node.name.value);
          const fragment = plan.fragments.get(node.name.value);
          if (fragment) pending.push(fragment);
        }
      },
      Variable(node) {
        usedVariables.add(node.name.value);
      },
    });
  }
  const operation: OperationDefinitionNode = {
    ...plan.operation,
    variableDefinitions: [...(plan.operation.variableDefinitions ?? []), ...extraVariables].filter((v) => usedVariables.has(v.variable.name.value)),
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  const fragments = [...plan.fragments.values()].filter((f) => usedFragments.has(f.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
}
