import { GraphQLError } from 'graphql';

/** Whose doing an error is, which decides how the network treats it. */
export type ErrorFault =
  /** The caller's input, rights or rate: a well-formed request refused on its merits. A subgraph answering it works, so it is no shard failure, and the client hears it once however many shards said it. */
  | 'caller'
  /** A malformed request (its body, its GraphQL, its size): the sender's. Between the gateway and a subgraph the sender is the gateway. */
  | 'request'
  /** A cluster or the network subgraph could not be heard or was not believed: the rest of the answer stands. */
  | 'cluster'
  /** This process failed, or ran out of time. */
  | 'server';

export interface ErrorCodeDefinition {
  /** What the code means, for clients. */
  meaning: string;
  /** The HTTP status of an answer that is this error alone (a request refused before or instead of GraphQL); 200 for one that sits beside data. */
  status: number;
  fault: ErrorFault;
  /** Raised by Apollo Server or its gateway rather than by this code: shown as it is, never raised here. */
  raisedBy?: 'apollo';
}

/**
 * Every `extensions.code` the network can answer with, defined once, with what it means, its HTTP
 * status and whose doing it is. The masker shows these codes and no other; the shard client reads
 * a shard's error as a failure unless it is the caller's; refusals take their status from here.
 * Clients (the dashboard, analysts' scripts) branch on these strings: renaming one is a breaking change.
 */
export const ERROR_REGISTRY = {
  BAD_USER_INPUT: {
    meaning:
      'An argument is malformed or out of range: a bad id, an unknown cluster, a page size over the limit, a cursor from another ordering. For the `Idempotency-Key` header, `extensions.field` is `Idempotency-Key` and `extensions.idempotencyKey` says what is wrong (see IDEMPOTENCY_KEY_PROBLEMS).',
    status: 400,
    fault: 'caller',
  },
  NOT_FOUND: {
    meaning:
      'The requested object does not exist or is not visible to the caller.',
    status: 404,
    fault: 'caller',
  },
  CLUSTER_UNAVAILABLE: {
    meaning:
      'A cluster subgraph did not answer in time or failed; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says why. On a mutation, `extensions.outcome` says whether the write may have happened (see WRITE_OUTCOMES).',
    status: 200,
    fault: 'cluster',
  },
  CLUSTER_MISBEHAVED: {
    meaning:
      'A cluster subgraph answered with what it may not send: rows of another cluster, an answer that does not fit what was asked, too many rows, or a body too large or not JSON. Its answer is refused; the answer holds the other clusters\u2019 data. `extensions.cluster` names it, `extensions.reason` says what was wrong. On a mutation, `extensions.outcome` is `unknown` (see WRITE_OUTCOMES).',
    status: 200,
    fault: 'cluster',
  },
  CLUSTER_SCHEMA_MISMATCH: {
    meaning:
      'A cluster subgraph serves another version of the schema (ahead or behind the network\u2019s) and cannot answer what this query asks: its data is left out of this answer and the other clusters\u2019 data stays. It counts against no circuit: queries it can answer still reach it. `extensions.cluster` names it, `extensions.reason` gives its validation error. On a mutation, `extensions.outcome` is `not-applied`.',
    status: 200,
    fault: 'cluster',
  },
  NETWORK_UNAVAILABLE: {
    meaning:
      'The network subgraph (the registry, the network\u2019s own records, initiatives) did not answer in time, failed, or answered unusably: the fields it serves are null and the clusters\u2019 data stays. `extensions.reason` says why; on a mutation, `extensions.outcome` says whether the write may have happened (see WRITE_OUTCOMES).',
    status: 200,
    fault: 'cluster',
  },
  CONFLICT: {
    meaning:
      'The object was changed by someone else since it was read.',
    status: 409,
    fault: 'caller',
  },
  UNAUTHENTICATED: {
    meaning:
      'The operation needs a valid token.',
    status: 401,
    fault: 'caller',
  },
  FORBIDDEN: {
    meaning:
      'The caller\u2019s role does not allow this operation on this data.',
    status: 403,
    fault: 'caller',
  },
  QUERY_TOO_COMPLEX: {
    meaning:
      'The operation asks for too much at once: `extensions.measure` (depth, cost, aliases, fields, or at a subgraph entities: the `_entities` representations of one request), `extensions.limit`, and the measured value under the measure\u2019s name.',
    status: 400,
    fault: 'caller',
  },
  DEADLINE_EXCEEDED: {
    meaning:
      'A subgraph was still working on the request when its deadline passed (HTTP 504): it answered with this instead, and started no SQL statement after it. `extensions.limitMs` gives the deadline.',
    status: 504,
    fault: 'server',
  },
  RATE_LIMITED: {
    meaning:
      'Too many requests from this token or address; `extensions.retryAfterSeconds` says when to try again (HTTP 429, Retry-After).',
    status: 429,
    fault: 'caller',
  },
  PAYLOAD_TOO_LARGE: {
    meaning:
      'The request body is over the size limit (HTTP 413); `extensions.limitBytes` gives it.',
    status: 413,
    fault: 'request',
  },
  BATCH_TOO_LARGE: {
    meaning:
      'A batched request holds more operations than allowed; `extensions.limit` gives it.',
    status: 400,
    fault: 'request',
  },
  BAD_REQUEST: {
    meaning:
      'The request is not a GraphQL request over HTTP: malformed JSON, a missing query, or a form post refused as a possible cross-site request.',
    status: 400,
    fault: 'request',
  },
  GRAPHQL_PARSE_FAILED: {
    meaning:
      'The query is not valid GraphQL syntax, or has more tokens than allowed (HTTP 400).',
    status: 400,
    fault: 'request',
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning:
      'The query does not fit the schema (HTTP 400).',
    status: 400,
    fault: 'request',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    meaning:
      'The persisted query\u2019s hash is unknown: send the query text with it once.',
    status: 200,
    fault: 'request',
  },
  INTERNAL_SERVER_ERROR: {
    meaning:
      'An unexpected failure; details are logged with the request id, never returned.',
    status: 500,
    fault: 'server',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    meaning: 'Apollo Server: the request names a persisted query where they are not accepted.',
    status: 400,
    fault: 'request',
    raisedBy: 'apollo',
  },
  OPERATION_RESOLUTION_FAILURE: {
    meaning: 'Apollo Server: the request holds several operations and names none of them, or one it does not hold.',
    status: 400,
    fault: 'request',
    raisedBy: 'apollo',
  },
  DOWNSTREAM_SERVICE_ERROR: {
    meaning: 'The gateway\u2019s planner: a subgraph answered with an error the planner passes on as it is.',
    status: 200,
    fault: 'cluster',
    raisedBy: 'apollo',
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

/** Every code with its meaning, as clients read them. */
export const ERROR_CODES = Object.fromEntries(Object.entries(ERROR_REGISTRY).map(([code, definition]) => [code, definition.meaning])) as { readonly [Code in ErrorCode]: string };

/** Whether `code` is one the network answers with (ours or Apollo's). */
export function isRegisteredCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_REGISTRY, code);
}

/** Whether an answer's error is the caller's doing (see `ErrorFault`); a code not registered is not. */
export function isCallersFault(code: unknown): boolean {
  return isRegisteredCode(code) && ERROR_REGISTRY[code].fault === 'caller';
}

/** A plain GraphQL error of a registered code, for answers built without a GraphQLError (routers, refusals). */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): { message: string; extensions: Record<string, unknown> & { code: ErrorCode } } {
  return { message, extensions: { ...extensions, code } };
}

export type ErrorCode = keyof typeof ERROR_REGISTRY;

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
