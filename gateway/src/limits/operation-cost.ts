import { getNullableType, isListType, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../../shared/page-size';

/**
 * How many items a plain list (a member's fees, a project's partners, a board's meetings) is
 * assumed to hold. Most hold a handful; a board's meetings of a term are the longest, at about 70.
 */
export const LIST_SIZE_ESTIMATE = 10;

/**
 * The cost model: every field costs 1; a connection's selections count once per item of its page
 * (`first`, 20 when omitted); a plain list's count `LIST_SIZE_ESTIMATE` times. `edges` is not
 * counted again, its connection already was. Introspection costs 1: the schema bounds it.
 */
export const networkCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 1;
  if ('first' in args || field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * first;
  }
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return 1 + childComplexity * LIST_SIZE_ESTIMATE;
  return 1 + childComplexity;
};

/** The cost of one operation of `document` (by name, or its only one) with these variables. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [networkCostEstimator] });
}
