import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from '../../../../../shared/migration-columns';

/** Network-wide initiatives: each serves one priority objective and is run by a set of clusters. */
export class NetworkInitiatives1764115200000 implements MigrationInterface {
  name = 'NetworkInitiatives1764115200000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    await runner.createTable(
      new Table({
        name: 'network_initiatives',
        columns: [
          { ...integer('id'), isPrimary: true },
          text('title', 200, mysql),
          text('title_key', 200, mysql),
          text('description', 1000, mysql),
          text('objective_code', 32, mysql),
          text('status', 16, mysql),
          // ISO dates as text: `YYYY-MM-DD` sorts the same on SQLite, MySQL and in JavaScript.
          text('started_on', 10, mysql),
          { ...text('ends_on', 10, mysql), isNullable: true },
          text('lead_cluster_id', 32, mysql),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'initiative_objective',
            columnNames: ['objective_code'],
            referencedTableName: 'objectives',
            referencedColumnNames: ['code'],
          }),
          new TableForeignKey({
            name: 'initiative_lead_cluster',
            columnNames: ['lead_cluster_id'],
            referencedTableName: 'clusters',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    // The lists: the whole network's and one objective's, both by start date then id. The lead's
    // index also serves its foreign key, which MySQL would otherwise index under a generated name.
    await runner.createIndices('network_initiatives', [
      new TableIndex({ name: 'initiative_by_start', columnNames: ['started_on', 'id'] }),
      new TableIndex({ name: 'initiative_by_objective', columnNames: ['objective_code', 'started_on', 'id'] }),
      new TableIndex({ name: 'initiative_by_title', columnNames: ['title_key', 'id'] }),
      new TableIndex({ name: 'initiative_by_lead', columnNames: ['lead_cluster_id'] }),
    ]);

    await runner.createTable(
      new Table({
        name: 'network_initiative_clusters',
        columns: [
          { ...integer('initiative_id'), isPrimary: true },
          { ...text('cluster_id', 32, mysql), isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'initiative_cluster_initiative',
            columnNames: ['initiative_id'],
            referencedTableName: 'network_initiatives',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'initiative_cluster_cluster',
            columnNames: ['cluster_id'],
            referencedTableName: 'clusters',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    // The primary key answers "which clusters run this initiative"; this answers the reverse.
    await runner.createIndex(
      'network_initiative_clusters',
      new TableIndex({ name: 'initiative_cluster_by_cluster', columnNames: ['cluster_id', 'initiative_id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('network_initiative_clusters');
    await runner.dropTable('network_initiatives');
  }
}
