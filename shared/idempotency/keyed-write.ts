import type { EntityManager } from 'typeorm';
import { IDEMPOTENCY_KEY_TTL_MS, idempotencyKeyError } from './idempotency-key';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import type { WriteClaim } from './write-claim';

/**
 * A keyed write inside its transaction. The key is looked up first: a live record with the same
 * request hash answers with its stored outcome and nothing is written; one with another hash is
 * refused (REUSED). Otherwise the key is claimed by inserting its record before the write runs, so
 * that a retry arriving while the first attempt is still running waits on that row (MySQL) or on
 * the writer queue (SQLite) instead of running the write beside it; when the first commits, the
 * retry's insert fails as a duplicate, `runInTransaction` runs it again, and this time the lookup
 * finds the outcome. The outcome is stored in the same transaction, so key and write commit together
 * or not at all: a write that fails leaves no key behind, and sending it again runs it again.
 *
 * What is stored is what the mutation's resolver returned (the written object's own fields, as
 * JSON): a replay answers with those as they were first written, while the fields reached through
 * them (a member's projects, an event's registrations) are read afresh, as any later read would.
 */
export async function keyedWrite<T>(manager: EntityManager, claim: WriteClaim, work: (manager: EntityManager) => Promise<T>, now = new Date()): Promise<T> {
  const records = manager.getRepository(IdempotencyRecordEntity);
  const where = { callerSubject: claim.subject, key: claim.key };
  const found = await records.findOneBy(where);
  if (found && found.expiresAt > now.toISOString()) {
    if (found.requestHash !== claim.requestHash) {
      throw idempotencyKeyError(
        'REUSED',
        `The Idempotency-Key was used by this caller within the last ${IDEMPOTENCY_KEY_TTL_MS / 3_600_000} hours for another write (${found.operation === claim.operation ? 'other input' : found.operation}); nothing was written: a new write takes a new key`,
      );
    }
    // The JSON of what this same resolver returned the first time: the type it returns. Never null
    // once committed (claim and outcome share the transaction), and only committed rows are read.
    return JSON.parse(found.outcome ?? 'null') as T;
  }
  // An expired key is forgotten: the write runs as a new one.
  if (found) await records.delete(where);
  const record: IdempotencyRecordEntity = {
    ...where,
    operation: claim.operation,
    requestHash: claim.requestHash,
    outcome: null,
    recordedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS).toISOString(),
  };
  await manager.insert(IdempotencyRecordEntity, record);
  const result = await work(manager);
  await records.update(where, { outcome: JSON.stringify(result ?? null) });
  return result;
}
