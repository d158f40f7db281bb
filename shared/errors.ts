import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` the network can answer with, defined once.
 * Clients (the dashboard, analysts' scripts) branch on these strings: renaming one is a breaking change.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT:
    'An argument is malformed or out of range: a bad id, an unknown cluster, a page size over the limit, a cursor from another ordering. For the `Idempotency-Key` header, `extensions.field` is `Idempotency-Key` and `extensions.idempotencyKey` says what is wrong (see IDEMPOTENCY_KEY_PROBLEMS).',
  NOT_FOUND: 'The requested object does not exist or is not visible to the caller.',
  CLUSTER_UNAVAILABLE:
    'A cluster subgraph did not answer in time or failed; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says why. On a mutation, `extensions.outcome` says whether the write may have happened (see WRITE_OUTCOMES).',
  CLUSTER_MISBEHAVED:
    'A cluster subgraph answered with what it may not send: rows of another cluster, an answer that does not fit what was asked, too many rows, or a body too large or not JSON. Its answer is refused; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says what was wrong. On a mutation, `extensions.outcome` is `unknown` (see WRITE_OUTCOMES).',
  CLUSTER_SCHEMA_MISMATCH:
    'A cluster subgraph serves another version of the schema (ahead or behind the network\u2019s) and cannot answer what this query asks: its data is left out of this answer and the other clusters\u2019 data stays. It counts against no circuit: queries it can answer still reach it. `extensions.cluster` names it, `extensions.reason` gives its validation error. On a mutation, `extensions.outcome` is `not-applied`.',
  NETWORK_UNAVAILABLE:
    'The network subgraph (the registry, the network\u2019s own records, initiatives) did not answer in time, failed, or answered unusably: the fields it serves are null and the clusters\u2019 data stays. `extensions.reason` says why; on a mutation, `extensions.outcome` says whether the write may have happened (see WRITE_OUTCOMES).',
  CONFLICT: 'The object was changed by someone else since it was read.',
  UNAUTHENTICATED: 'The operation needs a valid token.',
  FORBIDDEN: 'The caller\u2019s role does not allow this operation on this data.',
  QUERY_TOO_COMPLEX: 'The operation asks for too much at once: `extensions.measure` (depth, cost, aliases, fields, or at a subgraph entities: the `_entities` representations of one request), `extensions.limit`, and the measured value under the measure\u2019s name.',
  DEADLINE_EXCEEDED: 'A subgraph was still working on the request when its deadline passed (HTTP 504): it answered with this instead, and started no SQL statement after it. `extensions.limitMs` gives the deadline.',
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

/**
 * What a mutation's CLUSTER_UNAVAILABLE or CLUSTER_MISBEHAVED error says of its write, in
 * `extensions.outcome`; the gateway sets it, as only it knows whether the request left. Reads carry
 * none: a read changes nothing. Any other error on a mutation field was answered by the subgraph
 * itself, or by the gateway before sending (a malformed id, an unknown cluster): the write did not
 * happen, since a subgraph that refuses a write (BAD_USER_INPUT, CONFLICT, FORBIDDEN, a failure
 * inside its transaction) has rolled it back before it answers.
 */
export const WRITE_OUTCOMES = {
  unknown:
    'The request reached the cluster, or may have, but no usable answer came back: the connection dropped after it was sent, it timed out, or the answer was an HTTP 5xx, truncated, malformed or refused. The write may have committed. Read the data to find out, or send the mutation again with the same Idempotency-Key, which returns the first outcome if it did.',
  'not-applied':
    'The request was never sent: the cluster\u2019s circuit is open, or it refused the connection. Nothing was written; sending it again is safe.',
} as const;

export type WriteOutcome = keyof typeof WRITE_OUTCOMES;

/** The values of `extensions.idempotencyKey` on a BAD_USER_INPUT about the `Idempotency-Key` header. */
export const IDEMPOTENCY_KEY_PROBLEMS = {
  MALFORMED: 'The key is not 8 to 128 letters, digits, `-`, `_`, `.` or `:` (a UUID fits).',
  REUSED: 'The caller used this key within the last 24 hours for another mutation or another input; a new write takes a new key. Nothing was written.',
  SHARED: 'One key names one write: the request holds more than one mutation field. Send each with a key of its own.',
} as const;

export type IdempotencyKeyProblem = keyof typeof IDEMPOTENCY_KEY_PROBLEMS;

/** The error a GraphQL response carries when one cluster's data is missing from it, and why. */
export interface ClusterFailureError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions: { code: 'CLUSTER_UNAVAILABLE' | 'CLUSTER_MISBEHAVED' | 'CLUSTER_SCHEMA_MISMATCH'; cluster: string; reason: string; outcome?: WriteOutcome };
}

/** One cluster could not be heard: down, slow, failing. `outcome` for a mutation, never for a read. */
export function clusterUnavailable(cluster: string, reason: string, path?: ReadonlyArray<string | number>, outcome?: WriteOutcome): ClusterFailureError {
  return {
    message: `Cluster "${cluster}" is unavailable: ${reason}`,
    ...(path ? { path } : {}),
    extensions: { code: 'CLUSTER_UNAVAILABLE', cluster, reason, ...(outcome ? { outcome } : {}) },
  };
}

/** One cluster answered with what it may not send; its answer was refused. `outcome` for a mutation, never for a read. */
export function clusterMisbehaved(cluster: string, reason: string, path?: ReadonlyArray<string | number>, outcome?: WriteOutcome): ClusterFailureError {
  return {
    message: `Cluster "${cluster}" answered with what it may not send, so its answer was refused: ${reason}`,
    ...(path ? { path } : {}),
    extensions: { code: 'CLUSTER_MISBEHAVED', cluster, reason, ...(outcome ? { outcome } : {}) },
  };
}

/** One cluster serves a schema that lacks what the query asks; nothing of it ran there. `outcome` for a mutation, never for a read. */
export function clusterSchemaMismatch(cluster: string, reason: string, path?: ReadonlyArray<string | number>, outcome?: WriteOutcome): ClusterFailureError {
  return {
    message: `Cluster "${cluster}" serves a schema that cannot answer this query, so its data is left out: ${reason}`,
    ...(path ? { path } : {}),
    extensions: { code: 'CLUSTER_SCHEMA_MISMATCH', cluster, reason, ...(outcome ? { outcome } : {}) },
  };
}

/** The network subgraph could not be heard, or sent what no GraphQL server sends. `outcome` for a mutation, never for a read. */
export function networkUnavailable(reason: string, outcome?: WriteOutcome): { message: string; extensions: { code: 'NETWORK_UNAVAILABLE'; reason: string; outcome?: WriteOutcome } } {
  return {
    message: `The network subgraph is unavailable: ${reason}`,
    extensions: { code: 'NETWORK_UNAVAILABLE', reason, ...(outcome ? { outcome } : {}) },
  };
}
