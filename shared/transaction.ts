import type { DataSource, EntityManager } from 'typeorm';
import { graphQLError } from './errors';
import { keyedWrite } from './idempotency/keyed-write';
import { takeWriteClaim } from './idempotency/write-claim';

/**
 * MySQL errors after which the whole transaction may simply run again, by the driver's code or,
 * should a driver not name it, its number. Contention means another writer held what this one
 * needed; a duplicate key means another writer inserted the same key first, which the next attempt's
 * checks see (and answer CONFLICT to when the caller asked for a duplicate).
 */
const RETRYABLE_MYSQL_ERRORS: ReadonlyArray<{ code: string; errno: number; kind: 'contention' | 'duplicate' }> = [
  { code: 'ER_LOCK_DEADLOCK', errno: 1213, kind: 'contention' },
  { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205, kind: 'contention' },
  { code: 'ER_DUP_ENTRY', errno: 1062, kind: 'duplicate' },
];
/**
 * How long a write may keep trying, from its first attempt. Kept below the gateway's shard timeout
 * (5 s by default), so that a write does not commit after its caller was told the cluster did not
 * answer: no attempt starts once less than one lock wait (1 s) is left, and none waits past it.
 * One full lock wait and a shorter second one fit.
 */
const WRITE_BUDGET_MS = 4_500;
/** Seconds one attempt waits for another writer's row lock (MySQL's default is 50); less when the budget has less left. */
const LOCK_WAIT_SECONDS = 3;
/** InnoDB counts lock waits in whole seconds: the shortest an attempt can be given. */
const SHORTEST_LOCK_WAIT_MS = 1_000;
const MAX_ATTEMPTS = 6;

/**
 * Runs `work` in one transaction: everything it writes lands, or nothing does.
 *
 * SQLite: the data source runs transactions one at a time on a connection of their own (see
 * `SqliteDataSource`). MySQL: writers queue on the rows they lock (ids come from sequence rows, see
 * `shared/id-sequence.ts`); should two still deadlock, or one wait too long, InnoDB rolls one back
 * and it runs again here with fresh reads, so the caller never hears of it. Contention that outlasts
 * every attempt is a CONFLICT (nothing was written; sending it again is safe), not an internal error.
 */
export async function runInTransaction<T>(dataSource: DataSource, given: (manager: EntityManager) => Promise<T>): Promise<T> {
  // A mutation sent with an Idempotency-Key: the key is stored with the write's outcome, in this
  // transaction, or the first outcome is returned without writing (see shared/idempotency).
  const claim = takeWriteClaim(dataSource);
  const work = claim ? (manager: EntityManager) => keyedWrite(manager, claim, given) : given;
  if (dataSource.options.type !== 'mysql') return dataSource.transaction(work);
  const deadline = Date.now() + WRITE_BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    const lockWaitSeconds = Math.max(1, Math.min(LOCK_WAIT_SECONDS, Math.floor((deadline - Date.now()) / SHORTEST_LOCK_WAIT_MS)));
    try {
      return await dataSource.transaction(async (manager) => {
        await manager.query(`SET SESSION innodb_lock_wait_timeout = ${lockWaitSeconds}`);
        return work(manager);
      });
    } catch (error) {
      const kind = retryableKind(error);
      if (!kind) throw error;
      if (attempt < MAX_ATTEMPTS && deadline - Date.now() >= SHORTEST_LOCK_WAIT_MS) {
        // A short random pause, so that the writers that collided do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        continue;
      }
      // A duplicate key that every attempt's checks missed is a bug, and stays an internal error.
      if (kind === 'duplicate') throw error;
      throw graphQLError('CONFLICT', 'Other writes to the same data kept this one from completing; nothing was written, so it is safe to send again', { retryable: true });
    }
  }
}

function retryableKind(error: unknown): 'contention' | 'duplicate' | undefined {
  // TypeORM wraps the driver's error in a QueryFailedError; a driver error may also arrive bare.
  const driverError = (error as { driverError?: unknown } | null)?.driverError ?? error;
  const { code, errno } = (driverError ?? {}) as { code?: unknown; errno?: unknown };
  return RETRYABLE_MYSQL_ERRORS.find((known) => known.code === code || known.errno === errno)?.kind;
}
