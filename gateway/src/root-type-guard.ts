import type { ApolloServerPlugin } from '@apollo/server';
import { graphQLError } from '../../shared/errors';

/**
 * Refuses an operation whose root type the schema lacks (a subscription, today) as the invalid
 * request it is, with HTTP 400. Left to the query planner, it fails as an internal error.
 */
export const rootTypeGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, schema }) {
        if (!operation) return;
        const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (root) return;
        throw graphQLError('GRAPHQL_VALIDATION_FAILED', `This network's schema has no ${operation.operation} operations`, { http: { status: 400 } });
      },
    };
  },
};
