import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumns, text, integer, isMysql } from './columns';

/** Members, projects and their partners: the core contract's tables. */
export class CoreSchema1764028800000 implements MigrationInterface {
  name = 'CoreSchema1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    await runner.createTable(
      new Table({
        name: 'members',
        columns: [
          ...idColumns(mysql),
          text('name', 200, mysql),
          text('name_key', 200, mysql),
          text('kind', 32, mysql),
          integer('employees'),
          text('city', 100, mysql),
          text('city_key', 100, mysql),
          integer('founded'),
        ],
      }),
    );
    await runner.createIndices('members', [
      new TableIndex({ name: 'member_by_name', columnNames: ['name_key', 'cluster_id', 'id'] }),
      new TableIndex({ name: 'member_by_employees', columnNames: ['employees', 'cluster_id', 'id'] }),
      new TableIndex({ name: 'member_by_founded', columnNames: ['founded', 'cluster_id', 'id'] }),
    ]);
    await runner.createTable(
      new Table({
        name: 'projects',
        columns: [
          ...idColumns(mysql),
          text('title', 200, mysql),
          text('title_key', 200, mysql),
          text('status', 16, mysql),
          integer('lead_member_id'),
          text('started_on', 10, mysql),
          integer('budget_eur'),
        ],
      }),
    );
    await runner.createIndices('projects', [
      new TableIndex({ name: 'project_by_title', columnNames: ['title_key', 'cluster_id', 'id'] }),
      new TableIndex({ name: 'project_by_started', columnNames: ['started_on', 'cluster_id', 'id'] }),
      new TableIndex({ name: 'project_by_budget', columnNames: ['budget_eur', 'cluster_id', 'id'] }),
      new TableIndex({ name: 'project_by_lead', columnNames: ['cluster_id', 'lead_member_id'] }),
    ]);
    await runner.createTable(
      new Table({
        name: 'project_partners',
        columns: [
          { ...text('cluster_id', 32, mysql), isPrimary: true },
          { ...integer('project_id'), isPrimary: true },
          { ...text('member_cluster_id', 32, mysql), isPrimary: true },
          { ...integer('member_id'), isPrimary: true },
        ],
      }),
    );
    await runner.createIndex(
      'project_partners',
      new TableIndex({ name: 'partner_by_member', columnNames: ['member_cluster_id', 'member_id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('project_partners');
    await runner.dropTable('projects');
    await runner.dropTable('members');
  }
}
