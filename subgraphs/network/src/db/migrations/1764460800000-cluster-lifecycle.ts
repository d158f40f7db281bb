import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from '../../../../../shared/migration-columns';

/**
 * A cluster's place in its lifecycle (active, suspended, retired) and the registry revision of its
 * last change. Retired rows stay: their ids are the prefix of global ids that must never be given
 * to another cluster. Existing clusters are active, at revision 0.
 */
export class ClusterLifecycle1764460800000 implements MigrationInterface {
  name = 'ClusterLifecycle1764460800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('clusters', [
      new TableColumn({ ...text('status', 16, isMysql(runner)), default: "'ACTIVE'" }),
      new TableColumn({ ...integer('revision'), default: 0 }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Plain DROP COLUMN: on SQLite, TypeORM would rebuild the table, which the network row's foreign keys refuse.
    await runner.query('ALTER TABLE clusters DROP COLUMN revision');
    await runner.query('ALTER TABLE clusters DROP COLUMN status');
  }
}
