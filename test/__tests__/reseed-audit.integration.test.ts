import 'reflect-metadata';
import { AuditEntryEntity } from '../../shared/audit/audit-entry.entity';
import { dropDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { prepareClusterDatabase, prepareNetworkDatabase, type RunningNetwork } from '../../scripts/run-network';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * A re-seed rewrites the audit log with the rows it rewrites, on both backends: the seed gives the
 * same local ids out again, so an entry kept from before would tell the history of another row.
 * Written through the gateway, re-seeded as `npm run seed` does, read back through `auditLog`.
 */
const PREFIX = 'itro_reseed';
const CLUSTER = 'banat';
const SEED = 566;
const logger = createLogger('test', 'silent');

const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id employees version } }`;
const LAUNCH = `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id } }`;
const AUDIT_LOG = `query($cluster: ID!, $objectId: ID) { auditLog(cluster: $cluster, first: 100, objectId: $objectId) { totalCount edges { node { operation objectId } } } }`;
const MEMBER = `query($id: ID!) { member(id: $id) { id employees version } }`;

const newMember = { input: { cluster: CLUSTER, name: 'Reseed Probe SRL', kind: 'STARTUP', employees: 7, city: 'Timișoara', founded: 2021, joinedOn: '2024-03-01' } };
const newInitiative = {
  input: { title: 'Misiune de reseed', description: 'An initiative written before a re-seed.', objective: 'COOPERATION', leadCluster: CLUSTER, clusters: ['transilvania'], startsOn: '2027-02-01' },
};

describeOnBothBackends('a re-seed and the audit log', (backend) => {
  // startTestNetwork names its databases `<prefix>_<cluster>`, dashes as `_`; the re-seed writes the same ones.
  const databaseUrl = (id: string) => backend.databaseUrl(`${PREFIX}_${id.replaceAll('-', '_')}`);
  let network: RunningNetwork;
  let admin: string;
  let secretariat: string;

  beforeAll(async () => {
    admin = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: CLUSTER });
    secretariat = await tokenFor({ subject: 'maria@secretariat', role: 'secretariat' });
    network = await startTestNetwork(backend, PREFIX);
  });

  afterAll(async () => {
    await network?.close();
  });

  // Answers whose shape each query states.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
    const answer = await postGraphQL(network.gatewayUrl, query, variables, token);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  const auditLog = async (objectId?: string): Promise<{ totalCount: number; edges: Array<{ node: { operation: string; objectId: string } }> }> =>
    (await ok(AUDIT_LOG, { cluster: CLUSTER, objectId: objectId ?? null }, admin)).auditLog;

  async function networkAudit(objectId?: string): Promise<number> {
    const [row] = (await network.networkDataSource.query(
      objectId === undefined ? 'SELECT COUNT(*) AS n FROM audit_log' : 'SELECT COUNT(*) AS n FROM audit_log WHERE object_id = ?',
      objectId === undefined ? [] : [objectId],
    )) as Array<{ n: number | string }>;
    return Number(row!.n);
  }

  /**
   * What `npm run seed` does (scripts/seed.ts), against this network's databases while it runs:
   * every cluster's database, then the network's. The registry keeps the URLs the clusters listen on.
   */
  async function reseed(): Promise<void> {
    for (const cluster of FOUNDING_CLUSTERS) {
      const dataSource = await prepareClusterDatabase(cluster.id, databaseUrl(cluster.id), 'always', SEED, logger);
      await dataSource.destroy();
    }
    const portOf = (id: string) => network.clusters.find((cluster) => cluster.clusterIds.includes(id))!.server.port;
    const dataSource = await prepareNetworkDatabase(databaseUrl('network'), { seed: 'always' }, (id) => `http://127.0.0.1:${portOf(id)}`, logger);
    await dataSource.destroy();
  }

  it('holds no entry for the rows it rewrote, so an id given out again starts a history of its own', async () => {
    const seeded = (await ok(MEMBER, { id: `${CLUSTER}:1` }, admin)).member;
    await ok(UPDATE_MEMBER, { input: { id: seeded.id, version: seeded.version, employees: seeded.employees + 1 } }, admin);
    const created: string = (await ok(CREATE_MEMBER, newMember, admin)).createMember.id;
    const launched: string = (await ok(LAUNCH, newInitiative, secretariat)).launchNetworkInitiative.id;
    const before = await auditLog();
    expect(before.edges.map((edge) => [edge.node.operation, edge.node.objectId])).toEqual([
      ['createMember', created],
      ['updateMember', seeded.id],
    ]);
    expect(await networkAudit(launched)).toBe(1);

    await reseed();

    // The rows are the seed's again, and their history is gone with the writes it told of.
    expect((await ok(MEMBER, { id: seeded.id }, admin)).member).toEqual(seeded);
    expect((await ok(MEMBER, { id: created }, admin)).member).toBeNull();
    expect(await auditLog()).toEqual({ totalCount: 0, edges: [] });
    expect(await networkAudit()).toBe(0);

    // The seeded rows kept their ids, and new ones may take the ids of rows the seed dropped (with
    // `MAX(id) + 1` they do): whichever id a new row gets, its log holds its own write alone.
    expect(await auditLog(seeded.id)).toEqual({ totalCount: 0, edges: [] });
    const again: string = (await ok(CREATE_MEMBER, newMember, admin)).createMember.id;
    expect(await auditLog(again)).toEqual({ totalCount: 1, edges: [{ node: { operation: 'createMember', objectId: again } }] });
    const relaunched: string = (await ok(LAUNCH, newInitiative, secretariat)).launchNetworkInitiative.id;
    expect(await networkAudit(relaunched)).toBe(1);
    expect(await networkAudit()).toBe(1);
  });

  it('clears, in a database holding several clusters, the history of the clusters it seeds alone', async () => {
    const url = backend.databaseUrl(`${PREFIX}_shared`);
    const both = await prepareClusterDatabase([CLUSTER, 'transilvania'], url, 'always', SEED, logger);
    try {
      const entry = (clusterId: string): AuditEntryEntity => ({
        clusterId,
        recordedAt: '2026-11-25T10:00:00.000Z',
        actorRole: 'cluster-admin',
        actorSubject: `staff@${clusterId}`,
        actorMemberId: null,
        operation: 'updateMember',
        objectType: 'member',
        objectId: `${clusterId}:1`,
        before: '{}',
        after: '{}',
      });
      await both.getRepository(AuditEntryEntity).insert([entry(CLUSTER), entry('transilvania')]);
      const reseeded = await prepareClusterDatabase(CLUSTER, url, 'always', SEED, logger);
      await reseeded.destroy();
      const left = await both.getRepository(AuditEntryEntity).find();
      expect(left.map((row) => row.clusterId)).toEqual(['transilvania']);
    } finally {
      await both.destroy();
      if (backend.kind === 'mysql') await dropDatabase(url);
    }
  });
});
