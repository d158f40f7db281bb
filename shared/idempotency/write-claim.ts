import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkedIdempotencyKey, idempotencyKeyError } from './idempotency-key';

/**
 * A keyed write on its way from the mutation's resolver to its transaction. The resolver's wrapper
 * (`idempotent-mutations.ts`) knows the key, the caller, the mutation and its input; the transaction
 * runner (`shared/transaction.ts`) is where the key must be stored, in the write's own transaction.
 * Every mutation's resolver calls the runner itself with the request's view of the data source
 * (`DeadlineAwareDataSource.forRequest`), so the claim waits on that view: no mutation has to
 * remember to pass it on. A mutation's root fields run one after another (GraphQL's rule), so a
 * request has at most one claim pending at a time.
 */
export interface WriteClaim {
  key: string;
  subject: string;
  operation: string;
  /** SHA-256 of the operation and its input, see `requestHash`. */
  requestHash: string;
}

interface PendingClaim {
  rawKey: string;
  subject: string;
  operation: string;
  args: unknown;
  /** The request it belongs to: one key names one write of one request. */
  request: object;
  taken: boolean;
}

/** The claim pending on each request's view of the data source. */
const pending = new WeakMap<DataSource, PendingClaim>();
/** The requests that have used their key already, and for which mutation. */
const keyUsedBy = new WeakMap<object, string>();

/** Runs `resolve` (a mutation's resolver) with the keyed write it may make through `dataSource`, the request's view. */
export async function withWriteClaim<T>(dataSource: DataSource, claim: Omit<PendingClaim, 'taken'>, resolve: () => Promise<T> | T): Promise<T> {
  pending.set(dataSource, { ...claim, taken: false });
  try {
    return await resolve();
  } finally {
    pending.delete(dataSource);
  }
}

/**
 * The claim of the mutation being resolved, for its first transaction; undefined without a key, and
 * for any further transaction of the same resolver (none today: each mutation writes in one). The
 * key's form is checked here rather than on the way in, so that the mutation's own checks (the
 * caller's role first) have answered before a key is looked at.
 */
export function takeWriteClaim(dataSource: DataSource): WriteClaim | undefined {
  const claim = pending.get(dataSource);
  if (!claim || claim.taken) return undefined;
  claim.taken = true;
  const key = checkedIdempotencyKey(claim.rawKey);
  const usedBy = keyUsedBy.get(claim.request);
  if (usedBy !== undefined) {
    throw idempotencyKeyError('SHARED', `The Idempotency-Key named ${usedBy} already in this request: one key names one write, so send each mutation with a key of its own`);
  }
  keyUsedBy.set(claim.request, claim.operation);
  return { key, subject: claim.subject, operation: claim.operation, requestHash: requestHash(claim.operation, claim.args) };
}

/**
 * The fingerprint a retry must match: the mutation and its input, keys in order, and an input field
 * given as null the same as one left out (every input of this schema reads them alike).
 */
export function requestHash(operation: string, args: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, canonical(args)])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== null && item !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, item]) => [name, canonical(item)]));
}
