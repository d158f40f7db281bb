import type { FieldNode, GraphQLOutputType } from 'graphql';
import { pagingVariables, withPagingArguments, type PagingVariables, type RowCounts } from './connection-share';
import { withMergeHelpers } from './merge';
import type { OperationPlan } from './operation-plan';
import { collectFields, conditionOutcome, type Variables } from './selection';
import { specOf, type RouteRule, type ShardRules } from './shard-rules';

/** What the router does with one root field of an operation, worked out once per operation. */
export type RootFieldPlan =
  | { kind: 'typename'; key: string }
  /** A field the subgraph's rules do not route: answered null with an error. */
  | { kind: 'unrouted'; key: string; name: string }
  | RoutedFieldPlan;

export interface RoutedFieldPlan {
  kind: 'routed';
  key: string;
  /** The client's field nodes, from which the answer is built. */
  nodes: FieldNode[];
  rule: RouteRule;
  /** The field's declared type, which each shard's answer must fit. */
  type: GraphQLOutputType;
  /** The field nodes as every shard receives them: with the merge helpers of a fanned-out field. */
  sent: FieldNode[];
  /** For a page over several shards: the nodes with `first` and `after` read from the variables that ask each shard for its share. */
  shared?: SharedPage;
}

export interface SharedPage {
  nodes: FieldNode[];
  paging: PagingVariables;
  /** How many rows each shard gave this field's last page. */
  rowCounts: RowCounts;
}

/**
 * The compile stage for root fields: the operation's root fields as shards receive them, with
 * their rules and types. Everything here depends on the operation's text alone, except which
 * fields `@skip`/`@include` leave in, so plans are kept per outcome of those conditions (nearly
 * every operation has none, and one plan).
 */
export function rootFieldPlans(plan: OperationPlan, rules: ShardRules, variables: Variables): RootFields {
  const outcome = conditionOutcome(plan.conditionVariables, variables);
  let byOutcome = COMPILED.get(plan);
  if (!byOutcome) COMPILED.set(plan, (byOutcome = new Map()));
  let fields = byOutcome.get(outcome);
  if (!fields) {
    fields = { fields: compileRootFields(plan, rules, variables), printed: new Map() };
    byOutcome.set(outcome, fields);
  }
  return fields;
}

/** By plan, then by outcome of its conditions. A plan lives as long as its rules (a change of rules makes new plans), so its compiled fields go with it. */
const COMPILED = new WeakMap<OperationPlan, Map<string, RootFields>>();

/** An operation's root fields under one outcome of its conditions, and the shard documents printed for them. */
export interface RootFields {
  fields: readonly RootFieldPlan[];
  /** By the response keys a document carries, `~` marking a page shared out. */
  printed: Map<string, string>;
}

function compileRootFields(plan: OperationPlan, rules: ShardRules, variables: Variables): RootFieldPlan[] {
  const mutation = plan.operation.operation === 'mutation';
  const rootType = mutation ? 'Mutation' : 'Query';
  const scope = { schema: rules.schema, rules, variables, fragments: plan.fragments };
  const typeFields = (mutation ? rules.schema.getMutationType() : rules.schema.getQueryType())?.getFields() ?? {};
  return [...collectFields(plan.operation.selectionSet, rootType, scope)].map(([key, nodes], index): RootFieldPlan => {
    const name = nodes[0]!.name.value;
    if (name === '__typename') return { kind: 'typename', key };
    const rule = (mutation ? rules.mutationFields : rules.rootFields).get(name);
    const field = typeFields[name];
    if (!rule || !field) return { kind: 'unrouted', key, name };
    const sent = rule.route === 'all' ? nodes.map((node) => withMergeHelpers(node, specOf(rule, rule.merge!), rule.typeName!, scope)) : nodes;
    const paging = rule.merge === 'connection' ? pagingVariables(index) : undefined;
    const shared = paging && { nodes: sent.map((node) => withPagingArguments(node, paging)), paging, rowCounts: new WeakMap() };
    return { kind: 'routed', key, nodes, rule, type: field.type, sent, shared };
  });
}
