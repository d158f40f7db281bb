import type { DataSource, EntityManager } from 'typeorm';

/** MySQL errors after which the whole transaction may simply run again. */
const RETRYABLE_MYSQL_ERRORS = new Set(['ER_LOCK_DEADLOCK', 'ER_DUP_ENTRY']);
/**
 * Seconds a write waits for another's row lock before it gives up (MySQL's default is 50). Kept well
 * below the gateway's shard timeout, so that a write never commits after its caller was told it failed;
 * a lock-wait timeout is not retried for the same reason.
 */
const LOCK_WAIT_SECONDS = 3;
const MAX_ATTEMPTS = 6;

/**
 * Runs `work` in one transaction: everything it writes lands, or nothing does.
 *
 * SQLite: the data source runs transactions one at a time on a connection of their own (see
 * `SqliteDataSource`). MySQL: two writers allocating the next id (a cluster's, or the network's) can deadlock
 * or collide on the key (network ids likewise); InnoDB rolls one back, and it runs again with fresh reads.
 */
export async function runInTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return dataSource.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(async (manager) => {
        await manager.query(`SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_SECONDS}`);
        return work(manager);
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE_MYSQL_ERRORS.has(mysqlErrorCode(error))) throw error;
      // A short random pause, so that the writers that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

function mysqlErrorCode(error: unknown): string {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
