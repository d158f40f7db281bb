import type { EntityManager } from 'typeorm';

/**
 * The next local id of a cluster's rows in `table`. On MySQL the read locks the cluster's range of
 * the key, so a concurrent writer waits (or deadlocks and is retried) instead of taking the same id.
 */
export async function nextLocalId(manager: EntityManager, table: string, clusterId: string): Promise<number> {
  const lock = manager.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
  const rows: Array<{ next: number | string | null }> = await manager.query(
    `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table} WHERE cluster_id = ?${lock}`,
    [clusterId],
  );
  return Number(rows[0]?.next ?? 1);
}

/** Today as an ISO date (UTC): what a write records when the caller gives no date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
