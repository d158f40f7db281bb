import { Table, TableIndex, type QueryRunner } from 'typeorm';
import { isMysql, text } from '../migration-columns';

export const IDEMPOTENCY_TABLE = 'idempotency_keys';

/** The `idempotency_keys` table (see IdempotencyRecordEntity), the same in every subgraph's database. */
export async function createIdempotencyTable(runner: QueryRunner): Promise<void> {
  const mysql = isMysql(runner);
  await runner.createTable(
    new Table({
      name: IDEMPOTENCY_TABLE,
      columns: [
        // 200 + 128 characters: 1,312 bytes of utf8mb4, within InnoDB's 3,072 for a key.
        { ...text('caller_subject', 200, mysql), isPrimary: true },
        { ...text('idempotency_key', 128, mysql), isPrimary: true },
        text('operation', 64, mysql),
        text('request_hash', 64, mysql),
        { name: 'outcome', type: 'text', isNullable: true, ...(mysql ? { collation: 'utf8mb4_bin' } : {}) },
        text('recorded_at', 24, mysql),
        text('expires_at', 24, mysql),
      ],
      // Expired keys are deleted by this index, never by a scan.
      indices: [new TableIndex({ name: 'idempotency_keys_by_expiry', columnNames: ['expires_at'] })],
    }),
  );
}
