import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { generateClusterData } from '../../subgraphs/cluster/src';
import { prepareClusterDatabase } from '../../scripts/run-network';
import { describeOnBothBackends, mysqlDatabaseUrl } from '../support/mysql';

const COMPANY_KINDS = ['STARTUP', 'SME', 'LARGE_ENTERPRISE'];

describe('the generated network data', () => {
  const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);

  it('is the same for the same seed and differs for another', () => {
    expect(generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees)).toEqual(data);
    expect(generateClusterData(567, FOUNDING_CLUSTERS, NETWORK_FACTS.employees)).not.toEqual(data);
  });

  it('has exactly 566 companies with 19,000 to 20,000 employees, each cluster its published share', () => {
    const companies = data.members.filter((member) => COMPANY_KINDS.includes(member.kind));
    expect(companies).toHaveLength(566);
    const employees = companies.reduce((sum, member) => sum + member.employees, 0);
    expect(employees).toBeGreaterThanOrEqual(19_000);
    expect(employees).toBeLessThanOrEqual(20_000);
    for (const cluster of FOUNDING_CLUSTERS) {
      expect(companies.filter((member) => member.clusterId === cluster.id)).toHaveLength(cluster.companies);
    }
  });

  it('has every kind of the quadruple helix and projects with partners from other clusters', () => {
    expect(new Set(data.members.map((member) => member.kind)).size).toBe(8);
    const foreign = data.projects.filter((project) => project.partners.some((partner) => partner.clusterId !== project.clusterId));
    expect(foreign.length).toBeGreaterThan(data.projects.length / 4);
    const ids = new Set(data.members.map((member) => `${member.clusterId}:${member.id}`));
    for (const project of data.projects) {
      for (const partner of project.partners) expect(ids.has(`${partner.clusterId}:${partner.memberId}`)).toBe(true);
    }
  });
});

async function rowsOf(dataSource: DataSource): Promise<unknown[]> {
  const tables = ['members ORDER BY cluster_id, id', 'projects ORDER BY cluster_id, id', 'project_partners ORDER BY cluster_id, project_id, member_cluster_id, member_id'];
  const rows: unknown[] = [];
  for (const table of tables) {
    const result = (await dataSource.query(`SELECT * FROM ${table}`)) as Array<Record<string, unknown>>;
    rows.push(result.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]))));
  }
  return rows;
}

describeOnBothBackends('a seeded cluster database', (backend) => {
  it('holds the same rows as the same seed written to SQLite', async () => {
    const logger = createLogger('test', 'silent');
    const url = backend.databaseUrl('itro_test_seed_banat');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-seed-'));
    const reference = `sqlite:${path.join(folder, 'reference.sqlite')}`;
    await dropDatabase(url);
    await ensureDatabase(url);
    const [written, expected] = await Promise.all([
      prepareClusterDatabase('banat', url, 'always', 566, logger),
      prepareClusterDatabase('banat', reference, 'always', 566, logger),
    ]);
    try {
      expect(await rowsOf(written)).toEqual(await rowsOf(expected));
    } finally {
      await written.destroy();
      await expected.destroy();
      if (backend.kind === 'mysql') await dropDatabase(mysqlDatabaseUrl('itro_test_seed_banat'));
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
