import 'reflect-metadata';
import { execFile } from 'node:child_process';
import type { RunningNetwork } from '../../scripts/run-network';
import { encodeCursor } from '../../shared/cursor';
import { failWrites, rowCounts } from '../support/fail-writes';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * The network's own writes, by the secretariat, through the gateway on both backends: the happy
 * path, each invalid field named, conflicts, a failure inside the transaction that leaves nothing
 * behind, and the audit entries with the row before and after.
 */
const LAUNCH = `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id title status startedOn endsOn objective { code } leadCluster { id } clusters { id } } }`;
const SET_STATUS = `mutation($input: SetNetworkInitiativeStatusInput!) { setNetworkInitiativeStatus(input: $input) { id status endsOn } }`;

const launchInput = (title: string, extra: Record<string, unknown> = {}) => ({
  input: { title, description: 'Joint missions to two trade fairs a year.', objective: 'COOPERATION', leadCluster: 'banat', clusters: ['transilvania', 'inomar'], startsOn: '2027-02-01', ...extra },
});

describeOnBothBackends('network initiatives written by the secretariat', (backend) => {
  let network: RunningNetwork;
  let secretariat: string;

  beforeAll(async () => {
    secretariat = await tokenFor({ subject: 'maria@secretariat', role: 'secretariat' });
    network = await startTestNetwork(backend, 'itro_netmut');
  });

  afterAll(async () => {
    await network?.close();
  });

  // Answers whose shape each test states.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok(query: string, variables: Record<string, unknown>): Promise<any> {
    const answer = await postGraphQL(network.gatewayUrl, query, variables, secretariat);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  async function refused(query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<GraphQLAnswer> {
    const before = await rowCounts(network.networkDataSource);
    const answer = await postGraphQL(network.gatewayUrl, query, variables, secretariat);
    expect(answer.status).toBeLessThan(500);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    if (field) expect(answer.errors![0]!.extensions?.field).toBe(field);
    expect(await rowCounts(network.networkDataSource)).toEqual(before);
    return answer;
  }

  async function lastAudit(): Promise<Record<string, string | null>> {
    const [entry] = (await network.networkDataSource.query('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')) as Array<Record<string, string | null>>;
    return entry!;
  }

  it('launches an initiative, led by one cluster with others taking part, and records it', async () => {
    const launched = (await ok(LAUNCH, launchInput('Misiuni comerciale comune'))).launchNetworkInitiative;
    expect(launched).toMatchObject({ title: 'Misiuni comerciale comune', status: 'PLANNED', startedOn: '2027-02-01', endsOn: null, objective: { code: 'COOPERATION' }, leadCluster: { id: 'banat' } });
    expect(launched.clusters.map((cluster: { id: string }) => cluster.id).sort()).toEqual(['banat', 'inomar', 'transilvania']);
    const listed = (await ok(`{ network { initiatives(status: PLANNED) { id } } }`, {})).network.initiatives;
    expect(listed).toContainEqual({ id: launched.id });
    const entry = await lastAudit();
    expect(entry).toMatchObject({ cluster_id: null, actor_role: 'secretariat', actor_subject: 'maria@secretariat', operation: 'launchNetworkInitiative', object_type: 'networkInitiative', object_id: launched.id, before_state: null });
    expect(JSON.parse(entry.after_state!)).toMatchObject({ title: 'Misiuni comerciale comune', clusterIds: ['banat', 'transilvania', 'inomar'] });
  });

  it('names the invalid field, and writes nothing', async () => {
    await refused(LAUNCH, launchInput('  '), 'BAD_USER_INPUT', 'input.title');
    await refused(LAUNCH, launchInput('Fără obiectiv', { objective: 'NOPE' }), 'BAD_USER_INPUT', 'input.objective');
    await refused(LAUNCH, launchInput('Fără lider', { leadCluster: 'nowhere' }), 'BAD_USER_INPUT', 'input.leadCluster');
    await refused(LAUNCH, launchInput('Cu străini', { clusters: ['banat', 'atlantis'] }), 'BAD_USER_INPUT', 'input.clusters');
    await refused(LAUNCH, launchInput('Înapoi în timp', { endsOn: '2027-01-01' }), 'BAD_USER_INPUT', 'input.endsOn');
    await refused(LAUNCH, launchInput('Dată greșită', { startsOn: '2027-02-30' }), 'BAD_USER_INPUT', 'input.startsOn');
    await refused(LAUNCH, launchInput('x'.repeat(201)), 'BAD_USER_INPUT', 'input.title');
    await refused(SET_STATUS, { input: { id: 'seven', status: 'RUNNING' } }, 'BAD_USER_INPUT', 'input.id');
    await refused(SET_STATUS, { input: { id: '999999', status: 'RUNNING' } }, 'NOT_FOUND', 'input.id');
  });

  it('answers CONFLICT to a title taken and to a status already set, and refuses skipping one', async () => {
    await ok(LAUNCH, launchInput('Școala de vară IT-RO'));
    await refused(LAUNCH, launchInput('ȘCOALA de vara it-ro'), 'CONFLICT', 'input.title');
    const { id } = (await ok(LAUNCH, launchInput('Academia de date'))).launchNetworkInitiative;
    await refused(SET_STATUS, { input: { id, status: 'COMPLETED', endsOn: '2028-01-01' } }, 'BAD_USER_INPUT', 'input.status');
    await refused(SET_STATUS, { input: { id, status: 'PLANNED' } }, 'CONFLICT', 'input.status');
  });

  it('moves an initiative forward, needing an end date to complete it, and records before and after', async () => {
    const { id } = (await ok(LAUNCH, launchInput('Hub de export digital'))).launchNetworkInitiative;
    expect((await ok(SET_STATUS, { input: { id, status: 'RUNNING' } })).setNetworkInitiativeStatus).toEqual({ id, status: 'RUNNING', endsOn: null });
    const entry = await lastAudit();
    expect([JSON.parse(entry.before_state!).status, JSON.parse(entry.after_state!).status]).toEqual(['PLANNED', 'RUNNING']);
    await refused(SET_STATUS, { input: { id, status: 'COMPLETED' } }, 'BAD_USER_INPUT', 'input.endsOn');
    await refused(SET_STATUS, { input: { id, status: 'COMPLETED', endsOn: '2026-01-01' } }, 'BAD_USER_INPUT', 'input.endsOn');
    expect((await ok(SET_STATUS, { input: { id, status: 'COMPLETED', endsOn: '2028-06-30' } })).setNetworkInitiativeStatus).toEqual({ id, status: 'COMPLETED', endsOn: '2028-06-30' });
  });

  it('leaves no initiative, participant or audit entry behind when the database refuses part of the write', async () => {
    const before = await rowCounts(network.networkDataSource);
    const restore = await failWrites(network.networkDataSource, 'network_initiative_clusters', 'INSERT', "NEW.cluster_id = 'inomar'");
    try {
      const answer = await postGraphQL(network.gatewayUrl, LAUNCH, launchInput('Pe jumătate scrisă'), secretariat);
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(answer)).not.toMatch(/injected|SQLITE|ER_SIGNAL|trigger/i);
    } finally {
      await restore();
    }
    expect(await rowCounts(network.networkDataSource)).toEqual(before);
  });

  it('lets the secretariat read the network\u2019s audit log through the API, newest first, page by page and by object', async () => {
    const LOG = `query($first: Int, $after: String, $objectId: ID) {
      networkAuditLog(first: $first, after: $after, objectId: $objectId) {
        totalCount edges { cursor node { id recordedAt operation objectType objectId actorRole actorSubject actorMemberId before after } } pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    const stored = (await network.networkDataSource.query('SELECT id, operation, object_id FROM audit_log ORDER BY id DESC')) as Array<{ id: number | string; operation: string; object_id: string }>;
    expect(stored.length).toBeGreaterThan(3);
    // Walked two at a time, the log is the table, newest first, with nothing repeated or left out.
    const walked: Array<{ id: string; operation: string; objectId: string }> = [];
    let after: string | null = null;
    do {
      const page: { totalCount: number; edges: Array<{ cursor: string; node: { id: string; operation: string; objectId: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } = (
        await ok(LOG, { first: 2, after })
      ).networkAuditLog;
      expect([page.totalCount, page.pageInfo.hasPreviousPage]).toEqual([stored.length, after !== null]);
      walked.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(walked.map(({ id, operation, objectId }) => ({ id, operation, objectId }))).toEqual(stored.map((row) => ({ id: String(row.id), operation: row.operation, objectId: row.object_id })));
    const [newest] = (await ok(LOG, { first: 1 })).networkAuditLog.edges;
    expect(newest.node).toMatchObject({ actorRole: 'secretariat', actorSubject: 'maria@secretariat', actorMemberId: null, objectType: 'networkInitiative' });
    expect(JSON.parse(newest.node.after)).toBeTruthy();

    const object = stored.find((row) => row.operation === 'setNetworkInitiativeStatus')!.object_id;
    const ofObject = (await ok(LOG, { first: 100, objectId: object })).networkAuditLog;
    expect(ofObject.edges.map((edge: { node: { objectId: string; operation: string } }) => [edge.node.objectId, edge.node.operation])).toEqual(
      stored.filter((row) => row.object_id === object).map((row) => [object, row.operation]),
    );
    expect(ofObject.totalCount).toBe(ofObject.edges.length);

    const badInput = async (variables: Record<string, unknown>) => {
      const answer = await postGraphQL(network.gatewayUrl, LOG, variables, secretariat);
      expect([answer.data?.networkAuditLog ?? null, answer.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])]).toEqual([null, [['BAD_USER_INPUT', expect.any(String)]]]);
    };
    await badInput({ after: 'garbage' });
    await badInput({ first: 101 });
    // A cursor of a cluster's log (the same ordering, another log) does not page this one.
    await badInput({ after: encodeCursor({ order: 'RECORDED:DESC', value: 3, clusterId: 'banat', localId: 3 }) });
  });

  describe('the cluster registry', () => {
    const REGISTER = `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id position status url } }`;
    const UPDATE = `mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { id name url status } }`;
    const registration = (extra: Record<string, unknown> = {}) => ({
      input: { id: 'test-nv', name: 'Cluster de probă', shortName: 'Probă', city: 'Oradea', region: 'NORD_VEST', url: 'http://127.0.0.1:9/deploy/', representative: 'Ana Pop', ...extra },
    });
    const lifecycle = (operation: string) => `mutation($id: ID!) { ${operation}(id: $id) { id status } }`;
    const revision = async () => (await ok(`{ registryRevision }`, {})).registryRevision as number;

    it('names the invalid field of a registration or an update, and writes nothing', async () => {
      await refused(REGISTER, registration({ id: 'Test NV' }), 'BAD_USER_INPUT', 'input.id');
      await refused(REGISTER, registration({ id: 'all' }), 'BAD_USER_INPUT', 'input.id');
      await refused(REGISTER, registration({ id: 'x'.repeat(33) }), 'BAD_USER_INPUT', 'input.id');
      await refused(REGISTER, registration({ url: 'ftp://127.0.0.1/x' }), 'BAD_USER_INPUT', 'input.url');
      await refused(REGISTER, registration({ url: 'not a url' }), 'BAD_USER_INPUT', 'input.url');
      await refused(REGISTER, registration({ url: 'https://user:secret@nv.example.ro' }), 'BAD_USER_INPUT', 'input.url');
      await refused(REGISTER, registration({ url: 'https://nv.example.ro/?debug=1' }), 'BAD_USER_INPUT', 'input.url');
      await refused(REGISTER, registration({ name: ' ' }), 'BAD_USER_INPUT', 'input.name');
      await refused(REGISTER, registration({ representative: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'input.representative');
      await refused(REGISTER, registration({ id: 'banat' }), 'CONFLICT', 'input.id');
      await refused(UPDATE, { input: { id: 'banat' } }, 'BAD_USER_INPUT', 'input.id');
      await refused(UPDATE, { input: { id: 'banat', url: 'mailto:x@y.ro' } }, 'BAD_USER_INPUT', 'input.url');
      await refused(UPDATE, { input: { id: 'banat', city: '' } }, 'BAD_USER_INPUT', 'input.city');
      await refused(UPDATE, { input: { id: 'atlantis', name: 'Atlantis' } }, 'NOT_FOUND', 'input.id');
      await refused(lifecycle('suspendCluster'), { id: 'atlantis' }, 'NOT_FOUND');
      await refused(lifecycle('resumeCluster'), { id: 'banat' }, 'CONFLICT');
      // The network row names them: the presidency and the secretariat are handed over first.
      await refused(lifecycle('retireCluster'), { id: 'alt-brasov' }, 'CONFLICT');
      await refused(lifecycle('retireCluster'), { id: 'transilvania' }, 'CONFLICT');
    });

    it('shows a renamed cluster on its members at once, through the gateway that kept the old name', async () => {
      const MEMBER_CLUSTER = `{ members(first: 1, clusters: ["banat"]) { edges { node { cluster { id name } } } } }`;
      const clusterName = async () => (await ok(MEMBER_CLUSTER, {})).members.edges[0].node.cluster.name as string;
      const before = await clusterName();
      // Asked twice: the second answer may come from the gateway's cluster entities.
      expect(await clusterName()).toBe(before);
      try {
        await ok(UPDATE, { input: { id: 'banat', name: 'Banat IT, renamed' } });
        expect(await clusterName()).toBe('Banat IT, renamed');
      } finally {
        await ok(UPDATE, { input: { id: 'banat', name: before } });
      }
      expect(await clusterName()).toBe(before);
    });

    it('registers, changes, suspends, resumes and retires a cluster, each write audited and raising the revision', async () => {
      const start = await revision();
      const registered = (await ok(REGISTER, registration())).registerCluster;
      expect(registered).toEqual({ id: 'test-nv', position: 9, status: 'ACTIVE', url: 'http://127.0.0.1:9/deploy' });
      expect(await revision()).toBe(start + 1);
      expect(await lastAudit()).toMatchObject({ cluster_id: null, actor_role: 'secretariat', operation: 'registerCluster', object_type: 'cluster', object_id: 'test-nv', before_state: null });

      expect((await ok(UPDATE, { input: { id: 'test-nv', name: 'Cluster de probă Nord-Vest' } })).updateCluster).toMatchObject({ name: 'Cluster de probă Nord-Vest', url: 'http://127.0.0.1:9/deploy' });
      const changed = await lastAudit();
      expect([JSON.parse(changed.before_state!).name, JSON.parse(changed.after_state!).name]).toEqual(['Cluster de probă', 'Cluster de probă Nord-Vest']);

      expect((await ok(lifecycle('suspendCluster'), { id: 'test-nv' })).suspendCluster.status).toBe('SUSPENDED');
      await refused(lifecycle('suspendCluster'), { id: 'test-nv' }, 'CONFLICT');
      expect((await ok(`{ clusters { id status } }`, {})).clusters).toContainEqual({ id: 'test-nv', status: 'SUSPENDED' });
      expect((await ok(lifecycle('resumeCluster'), { id: 'test-nv' })).resumeCluster.status).toBe('ACTIVE');

      // Nothing answers at its URL: the gateway lists it as waiting, and routes nothing to it.
      const health = (await (await fetch(network.gatewayUrl.replace(/\/graphql$/, '/health'))).json()) as { registry: { revision: number; pending: Array<{ cluster: string; reason: string }> } };
      expect(health.registry.revision).toBe(start + 4);
      expect(health.registry.pending).toEqual([expect.objectContaining({ cluster: 'test-nv', reason: expect.stringContaining('/health did not answer') })]);
      expect(network.gateway.shards.has('test-nv')).toBe(false);
      const whole = await postGraphQL(network.gatewayUrl, `{ networkStats { members } }`);
      expect(whole.errors).toBeUndefined();

      expect((await ok(lifecycle('retireCluster'), { id: 'test-nv' })).retireCluster.status).toBe('RETIRED');
      expect(await revision()).toBe(start + 5);
      const listed = await ok(`{ clusters { id } cluster(id: "test-nv") { id } }`, {});
      expect([listed.clusters.map((cluster: { id: string }) => cluster.id), listed.cluster]).toEqual([expect.not.arrayContaining(['test-nv']), null]);
      // A retired cluster's id prefixes global ids that may still be quoted: it is never given again.
      await refused(REGISTER, registration(), 'CONFLICT', 'input.id');
      await refused(lifecycle('resumeCluster'), { id: 'test-nv' }, 'CONFLICT');
      await refused(UPDATE, { input: { id: 'test-nv', name: 'Din nou' } }, 'CONFLICT', 'input.id');
    });

    it('does the same from the command line, `npm run cluster`', async () => {
      const runCommand = (args: string[], token: string) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/cluster.ts', ...args, '--url', network.gatewayUrl], { encoding: 'utf8', env: { ...process.env, ITRO_TOKEN: token } }, (_error, out, err) =>
            resolve({ code: child.exitCode, out, err }),
          );
        });
      // Asynchronously: the gateway it talks to runs in this process.
      const run = (...args: string[]) => runCommand(args, secretariat);
      const listed = await run('list');
      expect(listed.code).toBe(0);
      expect(listed.out).toMatch(/^id\s+name\s+status\s+city\s+region\s+deployment\n/);
      expect(listed.out).toMatch(/\nbanat\s+Banat Software\s+ACTIVE\s+Timișoara\s+VEST\s+http:\/\/127\.0\.0\.1:\d+\n/);
      expect(listed.out).toMatch(/registry revision \d+, 9 clusters\n$/);
      const added = await run('add', 'cli-nv', '--name', 'Cluster din linia de comandă', '--short-name', 'CLI', '--city', 'Oradea', '--region', 'NORD_VEST', '--deployment', 'http://127.0.0.1:9', '--representative', 'Ion Pop');
      expect([added.code, added.out]).toEqual([0, 'registered cli-nv: ACTIVE at http://127.0.0.1:9\n']);
      expect((await run('set-url', 'cli-nv', 'https://cli-nv.example.ro/')).out).toBe('moved cli-nv: ACTIVE at https://cli-nv.example.ro\n');
      expect((await run('suspend', 'cli-nv')).out).toBe('suspended cli-nv: SUSPENDED at https://cli-nv.example.ro\n');
      expect((await run('resume', 'cli-nv')).out).toBe('resumed cli-nv: ACTIVE at https://cli-nv.example.ro\n');
      const refusedUrl = await run('set-url', 'cli-nv', 'ftp://x');
      expect([refusedUrl.code, refusedUrl.err]).toEqual([1, 'BAD_USER_INPUT: input.url must be an http or https URL\n']);
      expect((await run('retire', 'cli-nv')).out).toBe('retired cli-nv: RETIRED at https://cli-nv.example.ro\n');
      expect((await run('add', 'x')).code).toBe(2);
      const anonymous = await runCommand(['suspend', 'banat'], '');
      expect([anonymous.code, anonymous.err]).toEqual([1, expect.stringMatching(/^UNAUTHENTICATED: /)]);
    }, 60_000);
  });
});
