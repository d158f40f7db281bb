import 'reflect-metadata';
import { createGateway, type Gateway } from '../../gateway/src';
import { createAssertionSigner } from '../../shared/auth/gateway-assertion';
import { createTokenVerifier } from '../../shared/auth/tokens';
import { dropDatabase } from '../../shared/data-source';
import { DEFAULT_PROTECTION } from '../../shared/gateway-protection';
import { createLogger } from '../../shared/logger';
import { listen, type RunningServer } from '../../shared/server/http-app';
import type { RunningNetwork } from '../../scripts/run-network';
import { startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { until } from '../support/until';
import { startTestNetwork, testSigningKeys, tokenFor } from '../support/test-network';

/**
 * A 10th cluster's life in the network, under load: deployed as its own process, registered through
 * the API, moved to another deployment, suspended, resumed and retired, while clients keep asking
 * two gateways (one hears of each write at once, the other only by polling). No request may fail;
 * the only errors allowed are the suspended cluster's own, naming it.
 */
const NEW = 'nord-vest-ai';
const POLL_MS = 1_000;
/** How long each step is held under load: six steps make well over 30 s. */
const HOLD_MS = 5_000;

const STATS = `{ clusters { id status } networkStats { members byCluster { cluster { id } members } } }`;
const PAGE = `{ members(first: 5) { totalCount edges { node { id cluster { id } } } } }`;
const BY_ID = `query($id: ID!) { member(id: $id) { name cluster { id } } }`;

interface Answered {
  at: number;
  step: string;
  status: number;
  answer: GraphQLAnswer;
}

type Stats = { clusters: Array<{ id: string; status: string }>; networkStats: { members: number; byCluster: Array<{ cluster: { id: string }; members: number }> } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Steps during which a replica may hold the cluster suspended: from the write until both replicas resumed it. */
const SUSPENDED_STEPS = new Set(['suspending', 'suspended', 'resuming']);

/** An error the step allows: the suspended cluster's own, and only while it is suspended. */
function allowed(error: NonNullable<GraphQLAnswer['errors']>[number], step: string): boolean {
  return SUSPENDED_STEPS.has(step) && error.extensions?.code === 'CLUSTER_UNAVAILABLE' && error.extensions?.cluster === NEW && error.extensions?.reason === 'suspended';
}

describeOnBothBackends('a cluster joining, moving, suspended, resumed and retired under load', (backend) => {
  let network: RunningNetwork;
  let follower: Gateway;
  let followerServer: RunningServer;
  let followerUrl: string;
  const deployments: ClusterProcess[] = [];
  const answers: Answered[] = [];
  let step = 'before';
  let loading = true;
  let load: Promise<void>;
  let secretariat: string;
  let knownMember: string;
  const databaseUrl = backend.databaseUrl('itro_join_CLUSTER').replace('CLUSTER', '{cluster}');

  const registryWrite = async (query: string, variables: Record<string, unknown>) => {
    const answer = await postGraphQL(network.gatewayUrl, query, variables, secretariat);
    expect(answer.errors).toBeUndefined();
    return answer.data as Record<string, { id: string; status: string; url: string }>;
  };
  const stats = async (url: string) => (await postGraphQL<Stats>(url, STATS)).data!;
  const inFanOut = (data: Stats) => data.networkStats.byCluster.some((row) => row.cluster.id === NEW);
  const deploy = async () => {
    const jwksUrl = network.networkUrl.replace(/\/graphql$/, '/.well-known/jwks.json');
    const deployment = await startClusterProcess({ clusterId: NEW, databaseUrl, jwksUrl });
    deployments.push(deployment);
    return deployment;
  };

  beforeAll(async () => {
    secretariat = await tokenFor({ subject: 'secretariat@itro', role: 'secretariat' });
    network = await startTestNetwork(backend, 'itro_join', { registryPollMs: POLL_MS });
    if (backend.kind === 'mysql') await dropDatabase(backend.databaseUrl(`itro_join_${NEW.replaceAll('-', '_')}`));
    // A second replica, which hears of registry writes only by polling.
    follower = await createGateway({
      source: { kind: 'registry', networkUrl: network.networkUrl },
      registryPollMs: POLL_MS,
      shardTimeoutMs: 10_000,
      logger: createLogger('test', 'silent'),
      signAssertion: createAssertionSigner(network.gatewayKeys),
      verifyToken: createTokenVerifier(await testSigningKeys()),
      protection: { ...DEFAULT_PROTECTION, rateLimits: null },
    });
    followerServer = await listen(follower.app, 0, '127.0.0.1');
    followerUrl = `${followerServer.url}/graphql`;
    knownMember = ((await postGraphQL(network.gatewayUrl, `{ members(clusters: ["transilvania"], first: 1) { edges { node { id } } } }`)).data as { members: { edges: Array<{ node: { id: string } }> } }).members.edges[0]!.node.id;
    // Several connections, each asking in turn one of three queries of either gateway, with a short
    // pause between requests: steady load that leaves the machine's other test workers room.
    load = Promise.all(
      [0, 1, 2, 3].map(async (worker) => {
        for (let round = 0; loading; round += 1) {
          const url = worker % 2 === 1 ? followerUrl : network.gatewayUrl;
          const [query, variables] = [[STATS, {}], [PAGE, {}], [BY_ID, { id: knownMember }]][(worker + round) % 3] as [string, Record<string, unknown>];
          const at = Date.now();
          const seenIn = step;
          const { status, ...answer } = await postGraphQL(url, query, variables).catch((error: Error) => ({ status: 0, errors: [{ message: error.message }] }));
          answers.push({ at, step: seenIn, status, answer });
          await sleep(10);
        }
      }),
    ).then(() => undefined);
    await sleep(1_000);
  }, 120_000);

  afterAll(async () => {
    loading = false;
    await load;
    await followerServer?.close();
    await follower?.stop();
    for (const deployment of deployments) await deployment.stop();
    await network?.close();
    if (backend.kind === 'mysql') await dropDatabase(backend.databaseUrl(`itro_join_${NEW.replaceAll('-', '_')}`));
  });

  it('takes a 10th cluster in, moves it, suspends, resumes and retires it, with no failed request', async () => {
    const started = Date.now();
    const baseline = await stats(network.gatewayUrl);
    expect(baseline.clusters).toHaveLength(9);

    // Joining: the program deployed with an empty database, then registered through the API.
    const first = await deploy();
    step = 'joining';
    const registeredAt = Date.now();
    const registered = await registryWrite(
      `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id status url } }`,
      { input: { id: NEW, name: 'Nord-Vest AI Cluster', shortName: 'NV AI', city: 'Oradea', region: 'NORD_VEST', url: first.url, representative: 'Ana Pop' } },
    );
    expect(registered.registerCluster).toEqual({ id: NEW, status: 'ACTIVE', url: first.url });
    // Through this gateway the write is applied before its answer leaves.
    const joined = await stats(network.gatewayUrl);
    expect(joined.clusters.map((cluster) => cluster.id)).toContain(NEW);
    expect(inFanOut(joined)).toBe(true);
    const replicaJoinMs = await until(async () => inFanOut(await stats(followerUrl)), POLL_MS + 5_000);
    console.log(`[lifecycle ${backend.kind}] registered → in the other replica's fan-out in ${Date.now() - registeredAt} ms (waited ${replicaJoinMs} ms after the write's answer)`);
    const admin = await tokenFor({ subject: `staff@${NEW}`, role: 'cluster-admin', cluster: NEW });
    const created = await postGraphQL(
      network.gatewayUrl,
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id cluster { id name } } }`,
      { input: { cluster: NEW, name: 'Primul Membru SRL', kind: 'SME', employees: 12, city: 'Oradea', founded: 2020, joinedOn: '2026-11-01' } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createMember: { id: `${NEW}:1`, cluster: { id: NEW, name: 'Nord-Vest AI Cluster' } } });
    const withMember = await stats(network.gatewayUrl);
    expect(withMember.networkStats.members).toBe(baseline.networkStats.members + 1);
    step = 'joined';
    await sleep(HOLD_MS);

    // Moving: a second deployment over the same database, then the registry pointed at it.
    const second = await deploy();
    step = 'moving';
    const moved = await registryWrite(`mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { id url } }`, { input: { id: NEW, url: second.url } });
    expect(moved.updateCluster!.url).toBe(second.url);
    expect(network.gateway.shards.forCluster(NEW).baseUrl).toBe(second.url);
    await until(async () => follower.shards.find(NEW)?.baseUrl === second.url, POLL_MS + 5_000);
    await first.stop();
    expect((await stats(network.gatewayUrl)).networkStats.members).toBe(baseline.networkStats.members + 1);
    step = 'moved';
    await sleep(HOLD_MS);

    // Suspended: answers say its data is missing, and why.
    step = 'suspending';
    await registryWrite(`mutation { suspendCluster(id: "${NEW}") { id status } }`, {});
    const suspended = await postGraphQL(network.gatewayUrl, `{ members { totalCount } }`);
    expect(suspended.data).toEqual({ members: { totalCount: baseline.networkStats.members } });
    expect(suspended.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'CLUSTER_UNAVAILABLE', cluster: NEW, reason: 'suspended' })]);
    await until(async () => follower.shards.find(NEW)?.suspended === true, POLL_MS + 5_000);
    step = 'suspended';
    await sleep(HOLD_MS);

    // Resumed: whole again.
    step = 'resuming';
    await registryWrite(`mutation { resumeCluster(id: "${NEW}") { id status } }`, {});
    const resumed = await postGraphQL(network.gatewayUrl, `{ members { totalCount } }`);
    expect(resumed).toEqual({ status: 200, data: { members: { totalCount: baseline.networkStats.members + 1 } } });
    await until(async () => follower.shards.find(NEW)?.suspended === false, POLL_MS + 5_000);
    step = 'resumed';
    await sleep(HOLD_MS);

    // Retired: gone from the network's answers, without an error.
    step = 'retiring';
    await registryWrite(`mutation { retireCluster(id: "${NEW}") { id status } }`, {});
    const retired = await postGraphQL<Stats>(network.gatewayUrl, STATS);
    expect(retired.errors).toBeUndefined();
    expect(retired.data!.clusters.map((cluster) => cluster.id)).not.toContain(NEW);
    expect(inFanOut(retired.data!)).toBe(false);
    expect(retired.data!.networkStats.members).toBe(baseline.networkStats.members);
    await until(async () => !follower.shards.has(NEW), POLL_MS + 5_000);
    await second.stop();
    step = 'retired';
    const unknown = await postGraphQL(network.gatewayUrl, `{ members(clusters: ["${NEW}"]) { totalCount } }`);
    expect(unknown.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    await sleep(Math.max(HOLD_MS, 30_000 - (Date.now() - started)));

    loading = false;
    await load;
    const failed = answers.filter(({ status, answer, step: seenIn }) => status !== 200 || (answer.errors ?? []).some((error) => !allowed(error, seenIn)) || !answer.data);
    const bySteps = new Map<string, number>();
    for (const answer of answers) bySteps.set(answer.step, (bySteps.get(answer.step) ?? 0) + 1);
    console.log(`[lifecycle ${backend.kind}] ${answers.length} requests over ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed.length} failed; by step: ${[...bySteps].map(([name, n]) => `${name} ${n}`).join(', ')}`);
    expect(failed.slice(0, 3).map(({ step: seenIn, status, answer }) => ({ step: seenIn, status, errors: answer.errors }))).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30_000);
    for (const name of ['joined', 'moved', 'suspended', 'resumed', 'retired']) expect(bySteps.get(name) ?? 0).toBeGreaterThan(10);
  }, 180_000);
});
