import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase } from '../../../../shared/data-source';
import { FOUNDING_CLUSTERS } from '../../../../shared/network-catalog';
import { describeOnBothBackends } from '../../../../test/support/mysql';
import { NetworkSchema1764028800000 } from '../db/migrations/1764028800000-network-schema';
import { openNetworkDatabase, seedNetwork } from '../index';
import { NETWORK_INITIATIVES } from '../initiatives/initiative-catalog';

type Row = Record<string, string | number | null>;

/** The tables of the first migration, as a database released with it holds them. */
const OLD_TABLES = ['clusters', 'network', 'mission_aims', 'objectives'] as const;
const NEW_TABLES = ['network_initiatives', 'network_initiative_clusters'] as const;

/** Rows in the first schema's shape, written with SQL so that no entity of today shapes them. */
const OLD_ROWS: Record<(typeof OLD_TABLES)[number], Row[]> = {
  clusters: FOUNDING_CLUSTERS.slice(0, 4).map((cluster, position) => ({
    id: cluster.id,
    position,
    name: cluster.name,
    short_name: cluster.shortName,
    city: cluster.city,
    region: cluster.region,
    url: `https://${cluster.id}.clusters.example.ro`,
    representative: cluster.representative,
  })),
  network: [
    {
      id: 1,
      name: 'IT-RO',
      full_name: 'Rețeaua clusterelor IT din România',
      president_cluster_id: 'alt-brasov',
      secretariat_cluster_id: 'transilvania',
      secretariat_description: 'Secretariatul General: Transilvania IT Cluster.',
    },
  ],
  mission_aims: [{ code: 'GOVERNMENT_DIALOGUE', position: 0, text: 'Dialogue with the Government.' }],
  objectives: [
    { code: 'COOPERATION', position: 0, title: 'Cooperare' },
    { code: 'MARKET', position: 1, title: 'Piață' },
  ],
};

async function insertRows(dataSource: DataSource, table: string, rows: readonly Row[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    // Backticks quote identifiers on MySQL and, for compatibility, on SQLite.
    await dataSource.query(
      `INSERT INTO \`${table}\` (${columns.map((column) => `\`${column}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((column) => row[column]),
    );
  }
}

/** Rows as `snapshot` returns them: by their first column (every key here is ASCII). */
function byFirstColumn(rows: readonly Row[]): Row[] {
  const first = (row: Row) => row[Object.keys(row)[0]!]!;
  return [...rows].sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

function snapshot(dataSource: DataSource, tables: readonly string[]): Promise<Row[][]> {
  return Promise.all(tables.map((table) => dataSource.query(`SELECT * FROM \`${table}\` ORDER BY 1`) as Promise<Row[]>));
}

async function count(dataSource: DataSource, table: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as Array<{ n: number | string }>;
  return Number(row!.n);
}

async function hasTable(dataSource: DataSource, table: string): Promise<boolean> {
  // A query runner holds a pooled connection until released.
  const runner = dataSource.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}

describeOnBothBackends('network database migrations', (backend) => {
  const databaseUrl = backend.databaseUrl('itro_test_network_migrations');
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    // A database as the first release left it: its schema and its rows, then closed.
    const released = createDataSource({ url: databaseUrl, entities: [], migrations: [NetworkSchema1764028800000] });
    await released.initialize();
    try {
      await released.runMigrations({ transaction: 'each' });
      for (const table of OLD_TABLES) await insertRows(released, table, OLD_ROWS[table]);
    } finally {
      await released.destroy();
    }
    dataSource = await openNetworkDatabase(databaseUrl);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('runs only the new migrations and leaves the released rows as they were', async () => {
    const applied = (await dataSource!.query('SELECT name FROM migrations ORDER BY timestamp')) as Array<{ name: string }>;
    expect(applied.map((migration) => migration.name)).toEqual([
      'NetworkSchema1764028800000',
      'NetworkInitiatives1764115200000',
      'NetworkAuditLog1764201600000',
      'NetworkIdSequences1764288000000',
      'NetworkIdempotencyKeys1764374400000',
      'ClusterLifecycle1764460800000',
    ]);
    const [clusters, network, missionAims, objectives] = await snapshot(dataSource!, OLD_TABLES);
    // The released clusters are active, at the registry's first revision.
    expect(clusters).toEqual(byFirstColumn(OLD_ROWS.clusters).map((row) => ({ ...row, status: 'ACTIVE', revision: 0 })));
    expect(network).toEqual(byFirstColumn(OLD_ROWS.network));
    expect(missionAims).toEqual(byFirstColumn(OLD_ROWS.mission_aims));
    expect(objectives).toEqual(byFirstColumn(OLD_ROWS.objectives));
    for (const table of [...NEW_TABLES, 'idempotency_keys']) {
      expect(await hasTable(dataSource!, table)).toBe(true);
      expect(await count(dataSource!, table)).toBe(0);
    }
  });

  it('takes initiatives that refer to the released objectives and clusters, and refuses dangling ones', async () => {
    const initiative = {
      id: 1,
      title: 'Ședința comună',
      title_key: 'sedinta comuna',
      description: 'A first joint meeting.',
      objective_code: 'COOPERATION',
      status: 'PLANNED',
      started_on: '2026-01-12',
      ends_on: null,
      lead_cluster_id: 'banat',
    };
    await insertRows(dataSource!, 'network_initiatives', [initiative]);
    await insertRows(dataSource!, 'network_initiative_clusters', [
      { initiative_id: 1, cluster_id: 'banat' },
      { initiative_id: 1, cluster_id: 'open-hub' },
    ]);
    const [initiatives, links] = await snapshot(dataSource!, NEW_TABLES);
    expect(initiatives).toEqual([initiative]);
    expect(links).toEqual([
      { initiative_id: 1, cluster_id: 'banat' },
      { initiative_id: 1, cluster_id: 'open-hub' },
    ]);

    // The released database has no HR objective and no Galați cluster.
    await expect(insertRows(dataSource!, 'network_initiatives', [{ ...initiative, id: 2, objective_code: 'HR' }])).rejects.toThrow();
    await expect(insertRows(dataSource!, 'network_initiatives', [{ ...initiative, id: 3, lead_cluster_id: 'lower-danube' }])).rejects.toThrow();
    await expect(insertRows(dataSource!, 'network_initiative_clusters', [{ initiative_id: 1, cluster_id: 'lower-danube' }])).rejects.toThrow();
    await expect(insertRows(dataSource!, 'network_initiative_clusters', [{ initiative_id: 42, cluster_id: 'banat' }])).rejects.toThrow();
    // A cluster takes part in an initiative once.
    await expect(insertRows(dataSource!, 'network_initiative_clusters', [{ initiative_id: 1, cluster_id: 'banat' }])).rejects.toThrow();
    expect(await count(dataSource!, 'network_initiatives')).toBe(1);
    expect(await count(dataSource!, 'network_initiative_clusters')).toBe(2);
  });

  it('accepts the seed over the migrated database', async () => {
    await seedNetwork(dataSource!, { clusterUrl: (clusterId) => `https://${clusterId}.clusters.example.ro` });
    expect(await count(dataSource!, 'clusters')).toBe(FOUNDING_CLUSTERS.length);
    expect(await count(dataSource!, 'network_initiatives')).toBe(NETWORK_INITIATIVES.length);
    expect(await count(dataSource!, 'network_initiative_clusters')).toBe(
      NETWORK_INITIATIVES.reduce((sum, initiative) => sum + initiative.clusters.length, 0),
    );
    const [first] = (await dataSource!.query('SELECT title, title_key, ends_on FROM network_initiatives WHERE id = ?', [1])) as Row[];
    expect(first).toEqual({
      title: NETWORK_INITIATIVES[0]!.title,
      title_key: NETWORK_INITIATIVES[0]!.title.toLowerCase(),
      ends_on: null,
    });
  });

  it('reverts to the released schema and keeps its rows', async () => {
    // Undone newest first (the clusters' lifecycle, the idempotency keys, the id sequences, the audit log), each taking only its own columns or table.
    const withLifecycle = await snapshot(dataSource!, OLD_TABLES);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    const before = await snapshot(dataSource!, OLD_TABLES);
    expect(before[0]).toEqual(withLifecycle[0]!.map(({ status: _status, revision: _revision, ...row }) => row));
    expect(before.slice(1)).toEqual(withLifecycle.slice(1));
    await dataSource!.undoLastMigration({ transaction: 'each' });
    expect(await hasTable(dataSource!, 'idempotency_keys')).toBe(false);
    expect(await hasTable(dataSource!, 'id_sequences')).toBe(true);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    expect(await hasTable(dataSource!, 'id_sequences')).toBe(false);
    expect(await hasTable(dataSource!, 'audit_log')).toBe(true);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    expect(await hasTable(dataSource!, 'audit_log')).toBe(false);
    for (const table of NEW_TABLES) expect(await hasTable(dataSource!, table)).toBe(true);
    await dataSource!.undoLastMigration({ transaction: 'each' });
    try {
      for (const table of NEW_TABLES) expect(await hasTable(dataSource!, table)).toBe(false);
      expect(await snapshot(dataSource!, OLD_TABLES)).toEqual(before);
    } finally {
      await dataSource!.runMigrations({ transaction: 'each' });
    }
    for (const table of [...NEW_TABLES, 'audit_log', 'id_sequences', 'idempotency_keys']) expect(await hasTable(dataSource!, table)).toBe(true);
    expect(await snapshot(dataSource!, ['clusters'])).toEqual([withLifecycle[0]]);
  });
});
