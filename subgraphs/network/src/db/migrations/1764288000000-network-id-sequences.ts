import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from '../../../../../shared/migration-columns';

/**
 * One sequence row per table of network data numbered by the network (today network initiatives),
 * from which launches take the next id (see `shared/id-sequence.ts` for why `MAX(id) + 1` under a
 * locking read deadlocks on MySQL). Rows are made on first use and start after the table's largest
 * id, so existing data needs no backfill.
 */
export class NetworkIdSequences1764288000000 implements MigrationInterface {
  name = 'NetworkIdSequences1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'id_sequences',
        columns: [
          { ...text('table_name', 64, isMysql(runner)), isPrimary: true },
          // The last id handed out; the next one follows it and the table's largest.
          { ...integer('last_id'), default: 0 },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('id_sequences');
  }
}
