import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` the network can answer with, defined once.
 * Clients (the dashboard, analysts' scripts) branch on these strings: renaming one is a breaking change.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument is malformed or out of range: a bad id, an unknown cluster, a page size over the limit, a cursor from another ordering.',
  NOT_FOUND: 'The requested object does not exist or is not visible to the caller.',
  CLUSTER_UNAVAILABLE: 'A cluster subgraph did not answer in time or failed; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says why.',
  CONFLICT: 'The object was changed by someone else since it was read.',
  UNAUTHENTICATED: 'The operation needs a valid token.',
  FORBIDDEN: 'The caller\u2019s role does not allow this operation on this data.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; details are logged with the request id, never returned.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Builds the GraphQL error for a registered code; `extensions` add machine-readable detail. */
export function graphQLError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return graphQLError('BAD_USER_INPUT', message, extensions);
}

/** The error a GraphQL response carries when one cluster cannot answer. */
export interface ClusterUnavailableError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions: { code: 'CLUSTER_UNAVAILABLE'; cluster: string; reason: string };
}

export function clusterUnavailable(
  cluster: string,
  reason: string,
  path?: ReadonlyArray<string | number>,
): ClusterUnavailableError {
  return {
    message: `Cluster "${cluster}" is unavailable: ${reason}`,
    ...(path ? { path } : {}),
    extensions: { code: 'CLUSTER_UNAVAILABLE', cluster, reason },
  };
}
