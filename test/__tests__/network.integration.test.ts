import 'reflect-metadata';
import { decodeCursor } from '../../shared/cursor';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { foldSortKey, compareCodePoints } from '../../shared/sort-key';
import type { RunningNetwork } from '../../scripts/run-network';
import { httpTransport, type ShardTransport } from '../../gateway/src';
import { assertionHeader } from '../support/gateway-assertion';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

interface MemberNode {
  id: string;
  name: string;
  cluster: { id: string };
}
interface MemberPage {
  members: {
    totalCount: number;
    edges: Array<{ cursor: string; node: MemberNode }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** One entity the gateway asked a shard for: which shard, and whose representation. */
interface EntityAsked {
  shard: readonly string[];
  subgraph: string;
  typename: string;
  key: string;
}

describeOnBothBackends('the whole network through the gateway', (backend) => {
  let network: RunningNetwork;
  const entitiesAsked: EntityAsked[] = [];
  // Watches every entity fetch on its way to a shard, to prove who answers for what.
  const recordingTransport: ShardTransport = (shard, subgraph, request, headers) => {
    const representations = request.variables?.representations as Array<Record<string, unknown>> | undefined;
    for (const representation of representations ?? []) {
      entitiesAsked.push({ shard: shard.clusterIds, subgraph, typename: String(representation.__typename), key: String(representation.id) });
    }
    return httpTransport(shard, subgraph, request, headers);
  };
  const query = <Data = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<Data>(network.gatewayUrl, text, variables);

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_test', { shardTimeoutMs: 3000, transport: recordingTransport });
  });

  afterAll(async () => {
    await network?.close();
  });

  it('answers the seeded totals: 9 clusters, 566 companies, 19,000 to 20,000 employees', async () => {
    const answer = await query<{ clusters: Array<{ id: string }>; networkStats: { companies: number; employees: number } }>(
      '{ clusters { id } networkStats { companies employees } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.clusters.map((c) => c.id)).toEqual(FOUNDING_CLUSTERS.map((c) => c.id));
    expect(answer.data!.networkStats.companies).toBe(NETWORK_FACTS.companies);
    expect(answer.data!.networkStats.employees).toBeGreaterThanOrEqual(NETWORK_FACTS.employees.min);
    expect(answer.data!.networkStats.employees).toBeLessThanOrEqual(NETWORK_FACTS.employees.max);
  });

  it('narrows the figures to the helix kinds asked for, and agrees with the member list so filtered', async () => {
    type Stats = { members: number; companies: number; employees: number; projects: number; byKind: Array<{ kind: string; count: number; employees: number }>; byCluster: Array<{ cluster: { id: string }; members: number }> };
    const all = await query<{ networkStats: Stats }>('{ networkStats { members companies employees projects byKind { kind count employees } byCluster { cluster { id } members } } }');
    const kinds = ['SME', 'UNIVERSITY'];
    const narrowed = await query<{ networkStats: Stats; members: { totalCount: number }; perCluster: { totalCount: number } }>(
      `query($kinds: [MemberKind!]) { networkStats(kinds: $kinds) { members companies employees projects byKind { kind count employees } byCluster { cluster { id } members } }
        members(filter: { kind: $kinds }) { totalCount } perCluster: members(filter: { kind: $kinds }, clusters: ["banat"]) { totalCount } }`,
      { kinds },
    );
    expect(narrowed.errors).toBeUndefined();
    const stats = narrowed.data!.networkStats;
    const full = all.data!.networkStats;
    const sme = full.byKind.find((entry) => entry.kind === 'SME')!;
    const university = full.byKind.find((entry) => entry.kind === 'UNIVERSITY')!;
    expect(stats.byKind.map((entry) => entry.kind).sort()).toEqual(kinds);
    expect(stats.members).toBe(sme.count + university.count);
    expect(stats.members).toBe(narrowed.data!.members.totalCount);
    // Universities are members, not companies: the published figures count companies' employees only.
    expect([stats.companies, stats.employees]).toEqual([sme.count, sme.employees]);
    expect(stats.projects).toBe(full.projects);
    expect(stats.byCluster.find((entry) => entry.cluster.id === 'banat')!.members).toBe(narrowed.data!.perCluster.totalCount);
  });

  it('sums each cluster\u2019s figures and kinds into the network\u2019s', async () => {
    const answer = await query<{
      networkStats: {
        members: number;
        companies: number;
        employees: number;
        byKind: Array<{ kind: string; count: number }>;
        byCluster: Array<{ cluster: { id: string; name: string }; members: number; companies: number; employees: number }>;
      };
      members: { totalCount: number };
    }>('{ networkStats { members companies employees byKind { kind count } byCluster { cluster { id name } members companies employees } } members { totalCount } }');
    const stats = answer.data!.networkStats;
    expect(stats.byCluster.map((entry) => entry.cluster.id)).toEqual(FOUNDING_CLUSTERS.map((c) => c.id).sort());
    expect(stats.byCluster.find((entry) => entry.cluster.id === 'banat')!.cluster.name).toBe('Banat Software');
    expect(stats.byCluster.reduce((sum, entry) => sum + entry.companies, 0)).toBe(stats.companies);
    expect(stats.byCluster.reduce((sum, entry) => sum + entry.employees, 0)).toBe(stats.employees);
    expect(stats.byKind.reduce((sum, entry) => sum + entry.count, 0)).toBe(stats.members);
    expect(stats.byKind.map((entry) => entry.kind)).toEqual([
      'STARTUP', 'SME', 'LARGE_ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'PUBLIC_AUTHORITY', 'CATALYST', 'COMMUNITY',
    ]);
    expect(answer.data!.members.totalCount).toBe(stats.members);
    for (const cluster of FOUNDING_CLUSTERS) {
      expect(stats.byCluster.find((entry) => entry.cluster.id === cluster.id)!.companies).toBe(cluster.companies);
    }
  });

  it('walks every member page by page in one total order, without a duplicate or a hole', async () => {
    const seen: MemberNode[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 20; pages++) {
      const answer: Awaited<ReturnType<typeof query<MemberPage>>> = await query<MemberPage>(
        'query Page($after: String) { members(first: 100, after: $after) { totalCount edges { cursor node { id name cluster { id } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(answer.errors).toBeUndefined();
      const page = answer.data!.members;
      totalCount = page.totalCount;
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen.map((member) => member.id)).size).toBe(totalCount);
    const keys = seen.map((member) => foldSortKey(member.name));
    for (let i = 1; i < keys.length; i++) expect(compareCodePoints(keys[i - 1]!, keys[i]!)).toBeLessThanOrEqual(0);
  });

  it('pages in descending order of employees within the clusters asked for', async () => {
    const answer = await query<MemberPage>(
      '{ members(first: 30, orderBy: { field: EMPLOYEES, direction: DESC }, clusters: ["banat", "inomar"]) { totalCount edges { cursor node { id name cluster { id } } } pageInfo { hasNextPage endCursor } } }',
    );
    const edges = answer.data!.members.edges;
    expect(edges).toHaveLength(30);
    expect(new Set(edges.map((edge) => edge.node.cluster.id))).toEqual(new Set(['banat', 'inomar']));
    const employees = edges.map((edge) => Number(decodeCursor(edge.cursor, 'EMPLOYEES:DESC').value));
    expect([...employees].sort((a, b) => b - a)).toEqual(employees);
    const stats = await query<{ networkStats: { members: number } }>('{ networkStats(clusters: ["banat", "inomar"]) { members } }');
    expect(answer.data!.members.totalCount).toBe(stats.data!.networkStats.members);
  });

  it('sends member(id:) to the owning cluster', async () => {
    const answer = await query<{ member: MemberNode | null }>('{ member(id: "inomar:3") { id name cluster { id } } }');
    expect(answer.data!.member).toMatchObject({ id: 'inomar:3', cluster: { id: 'inomar' } });
    const direct = await postGraphQL<{ member: { name: string } }>(
      `${network.clusters.find((c) => c.id === 'inomar')!.server.url}/members/graphql`,
      '{ member(id: "inomar:3") { name } }',
      {},
      undefined,
      await assertionHeader(network, ['inomar']),
    );
    expect(answer.data!.member!.name).toBe(direct.data!.member.name);
  });

  it('resolves a project\u2019s foreign partner with its own cluster\u2019s data', async () => {
    const projects = await query<{
      projects: { edges: Array<{ node: { id: string; cluster: { id: string }; partners: Array<{ id: string; name: string; cluster: { id: string } }> } }> };
    }>('{ projects(first: 100) { edges { node { id cluster { id } partners { id name cluster { id } } } } } }');
    const withForeign = projects.data!.projects.edges
      .map((edge) => edge.node)
      .find((project) => project.partners.some((partner) => partner.cluster.id !== project.cluster.id))!;
    expect(withForeign).toBeDefined();
    const foreign = withForeign.partners.find((partner) => partner.cluster.id !== withForeign.cluster.id)!;
    const owner = network.clusters.find((c) => c.id === foreign.cluster.id)!;
    const home = network.clusters.find((c) => c.id === withForeign.cluster.id)!;
    const direct = async (cluster: typeof owner) =>
      postGraphQL<{ member: { name: string } | null }>(`${cluster.server.url}/members/graphql`, `{ member(id: "${foreign.id}") { name } }`, {}, undefined, await assertionHeader(network, cluster.clusterIds));
    const fromOwner = await direct(owner);
    const fromHome = await direct(home);
    expect(foreign.name).toBe(fromOwner.data!.member!.name);
    // The project's own cluster holds no row for the foreign member: it could not have answered.
    expect(fromHome.data!.member).toBeNull();
  });

  it('asks each entity only of the shard that owns it, foreign partners included', async () => {
    entitiesAsked.length = 0;
    const answer = await query<{ projects: { edges: Array<{ node: { cluster: { id: string }; partners: Array<{ id: string; name: string }> } }> } }>(
      '{ projects(first: 100) { edges { node { id cluster { id } lead { id name } partners { id name projects { id } } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    // Participation is the one fan-out entity (below); every other entity has one owner.
    const members = entitiesAsked.filter((entity) => entity.typename === 'Member' && entity.subgraph !== 'participation');
    expect(members.length).toBeGreaterThan(100);
    for (const entity of members) expect(entity.shard).toEqual([entity.key.split(':')[0]]);
    // Foreign partners were among them: a project of one cluster with a partner of another.
    const foreign = answer.data!.projects.edges.flatMap((edge) => edge.node.partners.filter((partner) => !partner.id.startsWith(`${edge.node.cluster.id}:`)));
    expect(foreign.length).toBeGreaterThan(0);
    for (const partner of foreign) {
      expect(members.some((entity) => entity.key === partner.id && entity.subgraph === 'members')).toBe(true);
    }
    // A member's projects live in every cluster: that entity alone is asked of every shard.
    const participation = entitiesAsked.filter((entity) => entity.subgraph === 'participation');
    expect(new Set(participation.map((entity) => entity.shard.join()))).toEqual(new Set(FOUNDING_CLUSTERS.map((c) => c.id)));
  });

  it('lists a member\u2019s projects from every cluster that runs one with it', async () => {
    const projects = await query<{
      projects: { edges: Array<{ node: { id: string; cluster: { id: string }; partners: Array<{ id: string; cluster: { id: string } }> } }> };
    }>('{ projects(first: 100) { edges { node { id cluster { id } partners { id cluster { id } } } } } }');
    const project = projects.data!.projects.edges.map((e) => e.node).find((p) => p.partners.some((m) => m.cluster.id !== p.cluster.id))!;
    const partner = project.partners.find((m) => m.cluster.id !== project.cluster.id)!;
    const answer = await query<{ member: { projects: Array<{ id: string; cluster: { id: string } }> } }>(
      `{ member(id: "${partner.id}") { projects { id cluster { id } } } }`,
    );
    expect(answer.data!.member.projects.map((p) => p.id)).toContain(project.id);
  });

  it('marks every GraphQL answer Cache-Control: no-store, refusals too: it holds what one caller may see', async () => {
    for (const text of ['{ members(first: 1) { totalCount } }', 'subscription { members { totalCount } }', '{ nosuchfield }']) {
      const response = await fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }) });
      expect([response.status, response.headers.get('cache-control')]).toEqual([text.startsWith('{ members') ? 200 : 400, 'no-store']);
    }
  });

  it('refuses a subscription with HTTP 400, not an internal error', async () => {
    const answer = await query('subscription { members { totalCount } }');
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
  });

  it('answers BAD_USER_INPUT for malformed ids, unknown clusters and oversized pages', async () => {
    const cases = [
      '{ member(id: "not-an-id") { id } }',
      '{ member(id: "atlantis:1") { id } }',
      '{ project(id: "banat:0") { id } }',
      '{ members(clusters: ["atlantis"]) { totalCount } }',
      '{ members(first: 101) { totalCount } }',
      '{ members(after: "bogus") { totalCount } }',
      '{ cluster(id: "Not A Cluster!") { id } }',
    ];
    for (const text of cases) {
      const answer = await query(text);
      expect(answer.status).toBe(200);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors)).not.toMatch(/stacktrace|at \w+ \(/);
    }
  });

  it('answers with the other clusters\u2019 data and a CLUSTER_UNAVAILABLE error naming a stopped cluster', async () => {
    const before = await query<{ networkStats: { companies: number } }>('{ networkStats { companies } }');
    const stopped = network.clusters.find((c) => c.id === 'elinclus')!;
    await stopped.stop();
    const answer = await query<{ networkStats: { companies: number }; members: { totalCount: number }; member: unknown }>(
      '{ networkStats { companies } members(first: 5) { totalCount } member(id: "elinclus:1") { id } }',
    );
    const missing = FOUNDING_CLUSTERS.find((c) => c.id === 'elinclus')!.companies;
    expect(answer.data!.networkStats.companies).toBe(before.data!.networkStats.companies - missing);
    expect(answer.data!.member).toBeNull();
    const unavailable = answer.errors!.filter((error) => error.extensions?.code === 'CLUSTER_UNAVAILABLE');
    expect(unavailable.length).toBeGreaterThan(0);
    for (const error of unavailable) {
      expect(error.extensions).toMatchObject({ cluster: 'elinclus', reason: expect.any(String) });
    }
  });
});
