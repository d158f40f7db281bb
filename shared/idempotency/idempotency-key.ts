import type { GraphQLError } from 'graphql';
import { badUserInput, type IdempotencyKeyProblem } from '../errors';

/**
 * The `Idempotency-Key` request header: a key the caller picks for one write, so that sending the
 * write again (after an answer that was lost, `outcome: "unknown"`) returns the first outcome
 * instead of writing twice. The gateway reads it and forwards it to the one subgraph a mutation goes
 * to; each subgraph also takes it straight, and stores it with the write, in the write's own
 * transaction (see `keyed-write.ts`).
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The header's name as clients write it and errors name it. */
export const IDEMPOTENCY_KEY_FIELD = 'Idempotency-Key';

/**
 * How long a key is kept: long enough for any client's retries (a day covers a night of a batch job
 * failing and being run again in the morning), short enough that the table stays small.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * 8 to 128 characters of letters, digits and `-_.:`: a UUID, a ULID or a job id with a counter
 * fits; short keys collide by accident, and the characters need no escaping anywhere they travel
 * (headers, logs, SQL parameters). Commas are refused, so a header sent twice (joined by `, `) is too.
 */
const KEY_FORM = /^[A-Za-z0-9._:-]{8,128}$/;

/** The header's raw value, or undefined when the request has none. */
export function idempotencyKeyOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The key when it has the form keys must have; a BAD_USER_INPUT naming the header otherwise. */
export function checkedIdempotencyKey(value: string, httpStatus?: number): string {
  if (!KEY_FORM.test(value)) {
    throw idempotencyKeyError('MALFORMED', `The ${IDEMPOTENCY_KEY_FIELD} header must be 8 to 128 letters, digits, "-", "_", "." or ":" (a UUID fits)`, httpStatus);
  }
  return value;
}

/** A BAD_USER_INPUT about the header; `extensions.idempotencyKey` says which rule it breaks (IDEMPOTENCY_KEY_PROBLEMS). */
export function idempotencyKeyError(problem: IdempotencyKeyProblem, message: string, httpStatus?: number): GraphQLError {
  return badUserInput(message, { field: IDEMPOTENCY_KEY_FIELD, idempotencyKey: problem, ...(httpStatus ? { http: { status: httpStatus } } : {}) });
}
