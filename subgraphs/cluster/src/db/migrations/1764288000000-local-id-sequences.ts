import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from './columns';

/**
 * One sequence row per cluster and table, from which creates take the next local id (see
 * `shared/id-sequence.ts` for why `MAX(id) + 1` under a locking read deadlocks on MySQL). Rows are
 * made on first use and start after the table's largest id, so existing data needs no backfill.
 */
export class LocalIdSequences1764288000000 implements MigrationInterface {
  name = 'LocalIdSequences1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    await runner.createTable(
      new Table({
        name: 'local_id_sequences',
        columns: [
          { ...text('cluster_id', 32, mysql), isPrimary: true },
          { ...text('table_name', 64, mysql), isPrimary: true },
          // The last id handed out; the next one follows it and the table's largest.
          { ...integer('last_id'), default: 0 },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('local_id_sequences');
  }
}
