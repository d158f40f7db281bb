import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { townKeysByRegion } from '../../../../../shared/romania-regions';
import { integer, isMysql, text } from './columns';

/**
 * Members' competences (areas, certifications, funding programmes: one row per entry) and each
 * member's development region. Existing members get the region of their city where the network
 * places that town, and no competences: nothing is invented for rows that predate the lists.
 */
export class MemberCompetences1764460800000 implements MigrationInterface {
  name = 'MemberCompetences1764460800000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    await runner.createTable(
      new Table({
        name: 'member_competences',
        columns: [
          { ...text('cluster_id', 32, mysql), isPrimary: true },
          { ...integer('member_id'), isPrimary: true },
          { ...text('kind', 16, mysql), isPrimary: true },
          { ...text('code', 32, mysql), isPrimary: true },
        ],
        // Who has a given competence, for the network's figures by area.
        indices: [new TableIndex({ name: 'competence_by_code', columnNames: ['cluster_id', 'kind', 'code', 'member_id'] })],
      }),
    );
    await runner.addColumn('members', new TableColumn({ ...text('region', 24, mysql), isNullable: true }));
    await runner.createIndex('members', new TableIndex({ name: 'member_by_region', columnNames: ['cluster_id', 'region'] }));
    for (const [region, towns] of townKeysByRegion()) {
      const places = towns.map(() => '?').join(', ');
      await runner.query(`UPDATE members SET region = ? WHERE city_key IN (${places})`, [region, ...towns]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('members', 'member_by_region');
    await runner.dropColumn('members', 'region');
    await runner.dropTable('member_competences');
  }
}
