import { Table, TableIndex, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from '../migration-columns';

/** The `audit_log` table (see AuditEntryEntity), the same in every subgraph's database. */
export async function createAuditTable(runner: QueryRunner): Promise<void> {
  const mysql = isMysql(runner);
  const longText = (name: string) => ({ name, type: 'text', isNullable: true, ...(mysql ? { collation: 'utf8mb4_bin' } : {}) });
  await runner.createTable(
    new Table({
      name: 'audit_log',
      columns: [
        // SQLite counts only an INTEGER PRIMARY KEY up by itself.
        { ...integer('id'), type: mysql ? 'int' : 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { ...text('cluster_id', 32, mysql), isNullable: true },
        text('recorded_at', 24, mysql),
        text('actor_role', 16, mysql),
        text('actor_subject', 200, mysql),
        { ...text('actor_member_id', 48, mysql), isNullable: true },
        text('operation', 64, mysql),
        text('object_type', 32, mysql),
        text('object_id', 120, mysql),
        longText('before_state'),
        longText('after_state'),
      ],
      indices: [new TableIndex({ name: 'audit_by_object', columnNames: ['object_type', 'object_id'] })],
    }),
  );
}
