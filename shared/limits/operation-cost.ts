import { getNullableType, isListType, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../page-size';
import { coercedListLength, ENTITIES_FIELD } from './entity-representations';

/**
 * How many items a plain list is assumed to hold, where the seeded network shows it to be far from
 * the default: about the average, rounded up (a member's fees: 8; a cluster's people: 121; a
 * board's meetings: 10 per term). Lists not named here count `DEFAULT_LIST_SIZE` items.
 */
export const LIST_SIZE_ESTIMATES: Readonly<Record<string, number>> = {
  'Query.clusters': 9,
  'Cluster.people': 150,
  'Cluster.boards': 8,
  'Cluster.generalAssemblies': 20,
  'Cluster.kpis': 20,
  'Board.meetings': 25,
  'Board.directors': 9,
  'Membership.fees': 10,
  'Event.registrations': 30,
  'WorkingGroup.participants': 20,
  'Member.workingGroups': 2,
  'Member.projects': 2,
  'Member.people': 2,
  'Project.partners': 3,
  'Project.engagements': 3,
  // The network's ten initiatives, each with six or seven of the nine clusters taking part.
  'Network.initiatives': 10,
  'Cluster.networkInitiatives': 10,
  'NetworkInitiative.clusters': 9,
};
export const DEFAULT_LIST_SIZE = 5;

/**
 * The cost model, about the number of fields resolved: every field costs 1; a connection's
 * selections count once per item of its page (`first`, 20 when omitted); a plain list's as many
 * times as it is estimated to hold. `edges` is not counted again, its connection already was.
 * Introspection costs 1: the schema bounds it. Used by the gateway on the client's operation and
 * by every subgraph on the operation it is sent.
 */
export const networkCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 1;
  // A subgraph's `_entities` resolves one object per representation the request carries: its real
  // size, not an estimate. (The gateway's own schema has no such field.)
  if (type.name === 'Query' && field.name === ENTITIES_FIELD) return 1 + childComplexity * coercedListLength(args.representations);
  if ('first' in args || field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * first;
  }
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return 1 + childComplexity * (LIST_SIZE_ESTIMATES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE);
  return 1 + childComplexity;
};

/** The cost of one operation of `document` (by name, or its only one) with these variables. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [networkCostEstimator] });
}
