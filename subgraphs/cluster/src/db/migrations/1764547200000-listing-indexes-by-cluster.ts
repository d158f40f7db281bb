import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each listing's orderings, as `(cluster_id, sort key, id)`: the table, the index's name and its sort column. */
const ORDERINGS: ReadonlyArray<[table: string, index: string, column: string]> = [
  ['members', 'member_in_cluster_by_name', 'name_key'],
  ['members', 'member_in_cluster_by_employees', 'employees'],
  ['members', 'member_in_cluster_by_founded', 'founded'],
  ['projects', 'project_in_cluster_by_title', 'title_key'],
  ['projects', 'project_in_cluster_by_started', 'started_on'],
  ['projects', 'project_in_cluster_by_budget', 'budget_eur'],
  ['initiatives', 'initiative_in_cluster_by_title', 'title_key'],
  ['initiatives', 'initiative_in_cluster_by_proposed', 'proposed_on'],
  ['events', 'event_in_cluster_by_title', 'title_key'],
  ['events', 'event_in_cluster_by_start', 'starts_on'],
  ['working_groups', 'working_group_in_cluster_by_name', 'name_key'],
  ['working_groups', 'working_group_in_cluster_by_formed', 'formed_on'],
];

/**
 * A page of one cluster's rows in a listing's order, read in that order from an index. The
 * `(sort key, cluster_id, id)` indexes serve a database holding several clusters, which reads
 * across them in the network's order; a deployment of one cluster asks `cluster_id IN (?)` with a
 * single id, and without these it sorted all of its cluster's rows for every page (a temporary
 * B-tree on SQLite, a filesort on MySQL) to keep the first few.
 */
export class ListingIndexesByCluster1764547200000 implements MigrationInterface {
  name = 'ListingIndexesByCluster1764547200000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, name, column] of ORDERINGS) await runner.createIndex(table, new TableIndex({ name, columnNames: ['cluster_id', column, 'id'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table, name] of [...ORDERINGS].reverse()) await runner.dropIndex(table, name);
  }
}
