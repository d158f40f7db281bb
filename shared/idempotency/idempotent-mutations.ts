import type { GraphQLFieldResolver } from 'graphql';
import { LessThan, type DataSource } from 'typeorm';
import type { Identity } from '../auth/identity';
import { rootDataSource } from '../data-source';
import { runInTransaction } from '../transaction';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { withWriteClaim } from './write-claim';

/** What a subgraph's request context holds for keyed writes: both subgraphs' contexts have it. */
export interface KeyedWriteContext {
  dataSource: DataSource;
  identity: Identity;
  /** The request's `Idempotency-Key` header as sent, checked when a write uses it. */
  idempotencyKey?: string;
}

/**
 * Every mutation of a subgraph, wrapped once where its schema is built (`buildFederatedSchema`), so
 * that each takes an Idempotency-Key without a line of its own: the wrapper hands the key, the
 * caller, the mutation's name and its input to the transaction the resolver opens (see
 * `write-claim.ts`). A request without a key, or a caller without a subject (anonymous, refused by
 * the mutation itself), runs the resolver as it is.
 */
export function idempotentMutation(operation: string, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return async (source, args, context, info) => {
    const { idempotencyKey, identity, dataSource } = (context ?? {}) as Partial<KeyedWriteContext>;
    if (idempotencyKey === undefined || !identity?.subject || !dataSource) return resolve(source, args, context, info);
    const result = await withWriteClaim(dataSource, { rawKey: idempotencyKey, subject: identity.subject, operation, args, request: context as object }, () => resolve(source, args, context, info));
    await purgeExpiredKeys(dataSource);
    return result;
  };
}

/** How often a process clears expired keys from one database, at most. */
const PURGE_EVERY_MS = 10 * 60 * 1000;
const lastPurge = new WeakMap<DataSource, number>();

/**
 * Deletes the keys that have expired, at most every ten minutes per database, after a keyed write
 * and in a transaction of its own (on SQLite, writes go through the one writer connection). Lookups
 * never answer from an expired key, so this only keeps the table small: a purge that fails is tried
 * again at the next interval and never fails the write that came before it.
 */
export async function purgeExpiredKeys(dataSource: DataSource, now = Date.now()): Promise<void> {
  // Once per database, not per request's view of it.
  const database = rootDataSource(dataSource);
  if (now - (lastPurge.get(database) ?? 0) < PURGE_EVERY_MS) return;
  lastPurge.set(database, now);
  try {
    await runInTransaction(dataSource, (manager) => manager.delete(IdempotencyRecordEntity, { expiresAt: LessThan(new Date(now).toISOString()) }));
  } catch {
    // Housekeeping only; see above.
  }
}
