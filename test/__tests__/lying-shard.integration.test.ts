import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import type { RunningNetwork } from '../../scripts/run-network';
import { clusterBehind, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { lies } from '../support/lying-shard';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * A cluster deployment that lies, behind a proxy registered as its URL, through the real gateway:
 * whatever the lie, the answer names the liar, and every other cluster's data in it equals what the
 * one-database network (the oracle) answers over those clusters. Nothing of the liar's is kept.
 */
const LIAR = 'banat';
const VICTIM = 'transilvania';
const OTHERS = FOUNDING_CLUSTERS.map((cluster) => cluster.id).filter((id) => id !== LIAR);
/**
 * The liar's shard timeout: long enough for the endless body to reach the 16 MiB bound first on a
 * loaded two-core machine (once, under CI's parallel suites, 1.5 s was not), short enough to keep
 * the dripping body's case quick.
 */
const LIAR_TIMEOUT_MS = 5000;

const ROOT_QUERY = `query($clusters: [ID!]) {
  members(first: 40, orderBy: { field: NAME, direction: ASC }, clusters: $clusters) {
    totalCount
    edges { cursor node { id name employees cluster { id } } }
    pageInfo { hasNextPage endCursor }
  }
  networkStats(clusters: $clusters) { members companies employees byKind { kind count } byCluster { cluster { id } members } }
}`;

const ENTITY_QUERY = '{ clusters { id stats { members companies } } }';

type RootData = { members: unknown; networkStats: unknown };

/**
 * Each lie, the reason the gateway gives, and whether the lie reaches `networkStats` too (a lie
 * about pages leaves the figures true, and those are kept).
 */
const ROOT_CASES: Array<[string, RegExp, boolean]> = [
  ['foreign ids', /^Member "transilvania:\d+" is another cluster's at members\.edges\.0\.node\.id$/, true],
  ['foreign cursors', /^a cursor of another cluster's row \(transilvania:\d+\)/, false],
  ['duplicate rows', /^rows out of order or repeated at members\./, false],
  ['wrong types', /^"\d+ or so" is not a Int at members\.totalCount$/, false],
  ['missing field', /^no totalCount at members$/, false],
  ['too many rows', /^\d+ rows where at most \d+ were asked for at members\./, false],
  ['invalid UTF-8', /^malformed UTF-8 \(HTTP 200\)$/, true],
  ['1 GiB body', /^answer too large: over 16777216 bytes$/, true],
  ['endless body', /^answer too large: over 16777216 bytes$/, true],
];

describeOnBothBackends('a lying shard costs only its own data, and is named', (backend) => {
  let network: RunningNetwork;
  let oracle: RunningNetwork;
  let proxy: FaultyProxy;
  let overOthers: RootData;
  let overAll: RootData;
  const lie = lies(LIAR, VICTIM);

  beforeAll(async () => {
    proxy = await startFaultyProxy('');
    network = await startTestNetwork(backend, 'itro_lie', {
      clusterUrl: clusterBehind(proxy, LIAR),
      shardTimeouts: { [LIAR]: LIAR_TIMEOUT_MS },
      // Refusals never open a circuit; a high threshold keeps the timeout case from opening one either.
      breaker: { failureThreshold: 1000, openMs: 1000 },
    });
    oracle = await startTestNetwork(backend, 'itro_lie_o', { topology: 'one-database' });
    overOthers = (await postGraphQL<RootData>(oracle.gatewayUrl, ROOT_QUERY, { clusters: OTHERS })).data!;
    overAll = (await postGraphQL<RootData>(oracle.gatewayUrl, ROOT_QUERY, { clusters: null })).data!;
  }, 240_000);

  afterAll(async () => {
    await network?.close();
    await oracle?.close();
    await proxy?.close();
  });

  afterEach(() => {
    proxy.fault = undefined;
  });

  it('answers as the oracle does while the shard tells the truth', async () => {
    const answer = await postGraphQL<RootData>(network.gatewayUrl, ROOT_QUERY, { clusters: null });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(overAll);
  });

  it.each(ROOT_CASES)('%s: refused with CLUSTER_MISBEHAVED naming the liar; the others equal the oracle', async (name, reason, reachesStats) => {
    proxy.fault = lie[name];
    const rssBefore = process.memoryUsage().rss;
    const answer = await postGraphQL<RootData>(network.gatewayUrl, ROOT_QUERY, { clusters: null });
    const grownMiB = (process.memoryUsage().rss - rssBefore) / 1024 ** 2;
    expect(answer.status).toBe(200);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_MISBEHAVED', cluster: LIAR });
    expect(String(answer.errors![0]!.extensions!.reason)).toMatch(reason);
    expect(answer.data!.members).toEqual(overOthers.members);
    expect(answer.data!.networkStats).toEqual(reachesStats ? overOthers.networkStats : overAll.networkStats);
    // The gateway reads at most SHARD_MAX_RESPONSE_BYTES of an answer, whatever the liar sends.
    expect(grownMiB).toBeLessThan(200);
  });

  it('dripping body: ends at the shard deadline as CLUSTER_UNAVAILABLE; the others equal the oracle', async () => {
    proxy.fault = lie['dripping body'];
    const started = Date.now();
    const answer = await postGraphQL<RootData>(network.gatewayUrl, ROOT_QUERY, { clusters: null });
    expect(Date.now() - started).toBeLessThan(LIAR_TIMEOUT_MS + 2000);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: LIAR, reason: `timed out after ${LIAR_TIMEOUT_MS} ms` });
    expect(answer.data).toEqual(overOthers);
  });

  it('short _entities: the liar\u2019s entity is null and named, every other cluster\u2019s is whole', async () => {
    const truth = (await postGraphQL<{ clusters: Array<{ id: string; stats: unknown }> }>(oracle.gatewayUrl, ENTITY_QUERY)).data!;
    proxy.fault = lie['short _entities'];
    const answer: GraphQLAnswer<{ clusters: Array<{ id: string; stats: unknown }> }> = await postGraphQL(network.gatewayUrl, ENTITY_QUERY);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_MISBEHAVED', cluster: LIAR, reason: '0 entities for 1 representations at _entities' });
    expect(answer.data!.clusters.find((cluster) => cluster.id === LIAR)!.stats).toBeNull();
    expect(answer.data!.clusters.filter((cluster) => cluster.id !== LIAR)).toEqual(truth.clusters.filter((cluster) => cluster.id !== LIAR));
  });

  it('foreign ids in _entities: the liar\u2019s entity is refused, the others are whole', async () => {
    const query = '{ clusters { id stats { cluster { id } members } } }';
    const truth = (await postGraphQL<{ clusters: Array<{ id: string; stats: unknown }> }>(oracle.gatewayUrl, query)).data!;
    proxy.fault = lie['foreign ids'];
    const answer = await postGraphQL<{ clusters: Array<{ id: string; stats: unknown }> }>(network.gatewayUrl, query);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_MISBEHAVED', cluster: LIAR, reason: `Cluster "${VICTIM}" is another cluster's at _entities.0.stats.cluster.id` });
    expect(answer.data!.clusters.find((cluster) => cluster.id === LIAR)!.stats).toBeNull();
    expect(answer.data!.clusters.filter((cluster) => cluster.id !== LIAR)).toEqual(truth.clusters.filter((cluster) => cluster.id !== LIAR));
  });

  it('foreign ids by id: member(id:) of the liar is refused, another cluster\u2019s member in the same request is whole', async () => {
    proxy.fault = lie['foreign ids'];
    const answer = await postGraphQL<{ member: { id: string; name: string } | null; other: { id: string } | null }>(
      network.gatewayUrl,
      `{ member(id: "${LIAR}:1") { id name } other: member(id: "${VICTIM}:1") { id } }`,
    );
    expect(answer.data!.member).toBeNull();
    expect(answer.data!.other).toEqual({ id: `${VICTIM}:1` });
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CLUSTER_MISBEHAVED', cluster: LIAR, reason: `Member "${VICTIM}:1" is another cluster's at member.id` }) })]);
  });

  it('keeps answering whole once the shard tells the truth again', async () => {
    const answer = await postGraphQL<RootData>(network.gatewayUrl, ROOT_QUERY, { clusters: null });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(overAll);
  });
});
