import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` the network can answer with, defined once.
 * Clients (the dashboard, analysts' scripts) branch on these strings: renaming one is a breaking change.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument is malformed or out of range: a bad id, an unknown cluster, a page size over the limit, a cursor from another ordering.',
  NOT_FOUND: 'The requested object does not exist or is not visible to the caller.',
  CLUSTER_UNAVAILABLE: 'A cluster subgraph did not answer in time or failed; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says why.',
  CLUSTER_MISBEHAVED: 'A cluster subgraph answered with what it may not send: rows of another cluster, an answer that does not fit what was asked, too many rows, or a body too large or not JSON. Its answer is refused; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says what was wrong.',
  CONFLICT: 'The object was changed by someone else since it was read.',
  UNAUTHENTICATED: 'The operation needs a valid token.',
  FORBIDDEN: 'The caller\u2019s role does not allow this operation on this data.',
  QUERY_TOO_COMPLEX: 'The operation asks for too much at once: `extensions.measure` (depth, cost, aliases or fields), `extensions.limit`, and the measured value under the measure\u2019s name.',
  RATE_LIMITED: 'Too many requests from this token or address; `extensions.retryAfterSeconds` says when to try again (HTTP 429, Retry-After).',
  PAYLOAD_TOO_LARGE: 'The request body is over the size limit (HTTP 413); `extensions.limitBytes` gives it.',
  BATCH_TOO_LARGE: 'A batched request holds more operations than allowed; `extensions.limit` gives it.',
  BAD_REQUEST: 'The request is not a GraphQL request over HTTP: malformed JSON, a missing query, or a form post refused as a possible cross-site request.',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax, or has more tokens than allowed (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: 'The query does not fit the schema (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'The persisted query\u2019s hash is unknown: send the query text with it once.',
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

/** The error a GraphQL response carries when one cluster's data is missing from it, and why. */
export interface ClusterFailureError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions: { code: 'CLUSTER_UNAVAILABLE' | 'CLUSTER_MISBEHAVED'; cluster: string; reason: string };
}

/** One cluster could not be heard: down, slow, failing. */
export function clusterUnavailable(cluster: string, reason: string, path?: ReadonlyArray<string | number>): ClusterFailureError {
  return { message: `Cluster "${cluster}" is unavailable: ${reason}`, ...(path ? { path } : {}), extensions: { code: 'CLUSTER_UNAVAILABLE', cluster, reason } };
}

/** One cluster answered with what it may not send; its answer was refused. */
export function clusterMisbehaved(cluster: string, reason: string, path?: ReadonlyArray<string | number>): ClusterFailureError {
  return { message: `Cluster "${cluster}" answered with what it may not send, so its answer was refused: ${reason}`, ...(path ? { path } : {}), extensions: { code: 'CLUSTER_MISBEHAVED', cluster, reason } };
}
