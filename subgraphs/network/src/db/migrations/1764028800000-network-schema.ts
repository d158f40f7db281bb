import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, isMysql, text } from '../../../../../shared/migration-columns';

/** The cluster registry and the alliance's charter: network, mission aims, objectives. */
export class NetworkSchema1764028800000 implements MigrationInterface {
  name = 'NetworkSchema1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    await runner.createTable(
      new Table({
        name: 'clusters',
        columns: [
          { ...text('id', 32, mysql), isPrimary: true },
          integer('position'),
          text('name', 200, mysql),
          text('short_name', 100, mysql),
          text('city', 100, mysql),
          text('region', 32, mysql),
          text('url', 500, mysql),
          text('representative', 200, mysql),
        ],
      }),
    );
    // Registry order is part of the contract (the gateway and the dashboard list clusters by it).
    await runner.createIndex('clusters', new TableIndex({ name: 'cluster_by_position', columnNames: ['position'], isUnique: true }));

    await runner.createTable(
      new Table({
        name: 'network',
        columns: [
          { ...integer('id'), isPrimary: true },
          text('name', 100, mysql),
          text('full_name', 200, mysql),
          text('president_cluster_id', 32, mysql),
          text('secretariat_cluster_id', 32, mysql),
          text('secretariat_description', 500, mysql),
        ],
      }),
    );
    // The president and the secretariat must be registered clusters; the seed deletes the network
    // row before the clusters, so the constraint never gets in its way.
    await runner.createForeignKeys('network', [
      new TableForeignKey({
        name: 'network_president_cluster',
        columnNames: ['president_cluster_id'],
        referencedTableName: 'clusters',
        referencedColumnNames: ['id'],
      }),
      new TableForeignKey({
        name: 'network_secretariat_cluster',
        columnNames: ['secretariat_cluster_id'],
        referencedTableName: 'clusters',
        referencedColumnNames: ['id'],
      }),
    ]);

    await runner.createTable(
      new Table({
        name: 'mission_aims',
        columns: [{ ...text('code', 32, mysql), isPrimary: true }, integer('position'), text('text', 500, mysql)],
      }),
    );
    await runner.createIndex('mission_aims', new TableIndex({ name: 'mission_aim_by_position', columnNames: ['position'], isUnique: true }));

    await runner.createTable(
      new Table({
        name: 'objectives',
        columns: [{ ...text('code', 32, mysql), isPrimary: true }, integer('position'), text('title', 200, mysql)],
      }),
    );
    await runner.createIndex('objectives', new TableIndex({ name: 'objective_by_position', columnNames: ['position'], isUnique: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('objectives');
    await runner.dropTable('mission_aims');
    await runner.dropTable('network');
    await runner.dropTable('clusters');
  }
}
