import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase } from '../../shared/data-source';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { regionOfCity } from '../../shared/romania-regions';
import { foldSortKey } from '../../shared/sort-key';
import { CLUSTER_MIGRATIONS, openClusterDatabase } from '../../subgraphs/cluster/src';
import { generateClusterData, writeClusterData } from '../../seed/network-data';
import { MemberEntity } from '../../subgraphs/cluster/src/member/member.entity';
import { describeOnBothBackends } from '../support/mysql';

/**
 * A cluster database of the first schema (members, projects, partners), seeded and then migrated to
 * the whole activity schema: the old rows survive unchanged, the new columns say "not recorded",
 * the new tables exist and take the full seed, and the migration can be undone without loss.
 */
const CLUSTER = 'banat';

describeOnBothBackends('cluster database migrations', (backend) => {
  const url = backend.databaseUrl('itro_test_cluster_migration');
  const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);
  const members = data.members.filter((member) => member.clusterId === CLUSTER);
  const projects = data.projects.filter((project) => project.clusterId === CLUSTER);
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    // The schema as the first release shipped it: only the first migration.
    const old = createDataSource({ url, entities: [], migrations: CLUSTER_MIGRATIONS.slice(0, 1) });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    for (const member of members) {
      await old.query('INSERT INTO members (cluster_id, id, name, name_key, kind, employees, city, city_key, founded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        member.clusterId, member.id, member.name, foldSortKey(member.name), member.kind, member.employees, member.city, foldSortKey(member.city), member.founded,
      ]);
    }
    for (const project of projects) {
      await old.query('INSERT INTO projects (cluster_id, id, title, title_key, status, lead_member_id, started_on, budget_eur) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        project.clusterId, project.id, project.title, foldSortKey(project.title), project.status, project.leadMemberId, project.startedOn, project.budgetEur,
      ]);
      for (const partner of project.partners) {
        await old.query('INSERT INTO project_partners (cluster_id, project_id, member_cluster_id, member_id) VALUES (?, ?, ?, ?)', [project.clusterId, project.id, partner.clusterId, partner.memberId]);
      }
    }
    await old.destroy();
    dataSource = await openClusterDatabase(url);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  it('keeps every old row and gives the new columns their "not recorded" values', async () => {
    const rows: Array<Record<string, unknown>> = await dataSource!.query(
      'SELECT id, name, kind, employees, city, founded, joined_on, membership_status, status_since, voting_right, version FROM members ORDER BY id',
    );
    expect(rows).toHaveLength(members.length);
    rows.forEach((row, index) => {
      const member = members[index]!;
      expect({ id: Number(row.id), name: row.name, kind: row.kind, employees: Number(row.employees), city: row.city, founded: Number(row.founded) }).toEqual({
        id: member.id, name: member.name, kind: member.kind, employees: member.employees, city: member.city, founded: member.founded,
      });
      expect({ joined: row.joined_on, status: row.membership_status, since: row.status_since, vote: Number(row.voting_right), version: Number(row.version) }).toEqual({
        joined: null, status: 'ACTIVE', since: null, vote: 1, version: 1,
      });
    });
    const projectRows: Array<Record<string, unknown>> = await dataSource!.query('SELECT id, title, budget_eur, under_nda, version, working_group_id, ends_on FROM projects ORDER BY id');
    expect(projectRows.map((row) => [Number(row.id), row.title, Number(row.budget_eur), Number(row.under_nda), Number(row.version), row.working_group_id, row.ends_on])).toEqual(
      projects.map((project) => [project.id, project.title, project.budgetEur, 0, 1, null, null]),
    );
    const partners: Array<{ n: number | string }> = await dataSource!.query('SELECT COUNT(*) AS n FROM project_partners');
    expect(Number(partners[0]!.n)).toBe(projects.reduce((sum, project) => sum + project.partners.length, 0));
  });

  it('reads the migrated rows through the entities, and the new tables are there and empty', async () => {
    const first = await dataSource!.getRepository(MemberEntity).findOneByOrFail({ clusterId: CLUSTER, id: members[0]!.id } as never);
    expect(first).toMatchObject({ name: members[0]!.name, votingRight: true, version: 1 });
    for (const table of ['member_competences', 'membership_fees', 'people', 'person_roles', 'general_assemblies', 'boards', 'board_meetings', 'initiatives', 'kpis', 'working_groups', 'working_group_members', 'project_engagements', 'services', 'service_requests', 'events', 'event_registrations', 'idempotency_keys']) {
      const rows: Array<{ n: number | string }> = await dataSource!.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect([table, Number(rows[0]!.n)]).toEqual([table, 0]);
    }
  });

  it('gives each old member the region of its city, where the network places that town', async () => {
    const rows: Array<{ id: number | string; region: string | null }> = await dataSource!.query('SELECT id, region FROM members ORDER BY id');
    expect(rows.map((row) => [Number(row.id), row.region])).toEqual(members.map((member) => [member.id, regionOfCity(member.city)]));
    // Every town of Banat Software's members lies in Vest.
    expect(new Set(rows.map((row) => row.region))).toEqual(new Set(['VEST']));
  });

  it('takes the full seed after migrating, and the migration undoes without losing the old rows', async () => {
    await writeClusterData(dataSource!, data, [CLUSTER]);
    const counts: Array<{ n: number | string }> = await dataSource!.query('SELECT COUNT(*) AS n FROM people');
    expect(Number(counts[0]!.n)).toBeGreaterThan(members.length);
    const competences: Array<{ n: number | string }> = await dataSource!.query('SELECT COUNT(*) AS n FROM member_competences');
    expect(Number(competences[0]!.n)).toBe(data.competences.filter((entry) => entry.clusterId === CLUSTER).length);
    // Undone newest first (the listing indexes, the competences, the idempotency keys, the id sequences, the audit log), each taking only its own table, columns or indexes.
    const table = await dataSource!.createQueryRunner().getTable('members');
    expect(table!.indices.map((index) => index.name)).toEqual(expect.arrayContaining(['member_in_cluster_by_name', 'member_by_name']));
    await dataSource!.undoLastMigration({ transaction: 'each' });
    const undone = await dataSource!.createQueryRunner().getTable('members');
    expect(undone!.indices.map((index) => index.name)).not.toContain('member_in_cluster_by_name');
    expect(undone!.indices.map((index) => index.name)).toContain('member_by_name');
    await expect(dataSource!.query('SELECT COUNT(*) AS n FROM member_competences')).resolves.toHaveLength(1);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    await expect(dataSource!.query('SELECT COUNT(*) FROM member_competences')).rejects.toHaveProperty('message', expect.stringMatching(/member_competences/));
    await expect(dataSource!.query('SELECT region FROM members')).rejects.toHaveProperty('message', expect.stringMatching(/region/));
    await dataSource!.undoLastMigration({ transaction: 'each' });
    await expect(dataSource!.query('SELECT COUNT(*) FROM idempotency_keys')).rejects.toHaveProperty('message', expect.stringMatching(/idempotency_keys/));
    await expect(dataSource!.query('SELECT COUNT(*) AS n FROM local_id_sequences')).resolves.toHaveLength(1);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    await expect(dataSource!.query('SELECT COUNT(*) FROM local_id_sequences')).rejects.toHaveProperty('message', expect.stringMatching(/local_id_sequences/));
    expect(Number(((await dataSource!.query('SELECT COUNT(*) AS n FROM audit_log')) as Array<{ n: number | string }>)[0]!.n)).toBe(0);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    await expect(dataSource!.query('SELECT COUNT(*) FROM audit_log')).rejects.toHaveProperty('message', expect.stringMatching(/audit_log/));
    expect(Number(((await dataSource!.query('SELECT COUNT(*) AS n FROM people')) as Array<{ n: number | string }>)[0]!.n)).toBe(Number(counts[0]!.n));
    await dataSource!.undoLastMigration({ transaction: 'each' });
    const rows: Array<{ n: number | string }> = await dataSource!.query('SELECT COUNT(*) AS n FROM members');
    expect(Number(rows[0]!.n)).toBe(members.length);
    // Matched by message: the driver's error may come from another realm, where `instanceof Error` fails.
    await expect(dataSource!.query('SELECT COUNT(*) FROM people')).rejects.toHaveProperty('message', expect.stringMatching(/people/));
    await dataSource!.runMigrations({ transaction: 'each' });
  });
});
