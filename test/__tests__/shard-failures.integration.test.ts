import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { listen, type RunningServer } from '../../shared/server/http-app';
import { createGateway, type Gateway } from '../../gateway/src';
import type { BreakerSettings } from '../../gateway/src/shard-router/circuit-breaker';
import type { RunningNetwork } from '../../scripts/run-network';
import { clusterBehind, startFaultyProxy, type FaultMode, type FaultyProxy } from '../support/faulty-proxy';
import { signerFor } from '../support/gateway-assertion';
import { ANALYST_EXAMPLES } from '../../gateway/src/persisted-queries/analyst-examples';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * A shard that fails in each way a shard fails in the field, reached over real HTTP through a
 * proxy registered as its URL: the answer keeps every other cluster's data and names the failure.
 */
const FAULTY = 'inomar';
const TIMEOUT_MS = 300;
const QUERY = '{ networkStats { companies } members(first: 3) { totalCount edges { node { id } } } }';

describeOnBothBackends('a failing shard costs only its own data', (backend) => {
  let network: RunningNetwork;
  let proxy: FaultyProxy;
  let healthy: { companies: number; totalCount: number };
  const faultyCompanies = FOUNDING_CLUSTERS.find((c) => c.id === FAULTY)!.companies;
  const faultyMembers = async () => (await postGraphQL<{ networkStats: { members: number } }>(network.gatewayUrl, `{ networkStats(clusters: ["${FAULTY}"]) { members } }`)).data!.networkStats.members;

  beforeAll(async () => {
    proxy = await startFaultyProxy('', 2000);
    network = await startTestNetwork(backend, 'itro_fail', {
      clusterUrl: clusterBehind(proxy, FAULTY),
      shardTimeoutMs: 5000,
      shardTimeouts: { [FAULTY]: TIMEOUT_MS },
      // This gateway never opens a circuit, so each failure mode is seen on its own.
      breaker: { failureThreshold: 1000, openMs: 1000 },
    });
    // The whole network's figures while nothing fails. The faulty cluster's timeout is short (for
    // the slow modes), so on a loaded machine it may miss the baseline once: asked again, never
    // taken partial.
    let answer = await postGraphQL<{ networkStats: { companies: number }; members: { totalCount: number } }>(network.gatewayUrl, QUERY);
    for (let attempt = 1; attempt < 3 && answer.errors; attempt++) answer = await postGraphQL<typeof answer.data & object>(network.gatewayUrl, QUERY);
    if (answer.errors) throw new Error(`no whole baseline: ${JSON.stringify(answer.errors)}`);
    healthy = { companies: answer.data!.networkStats.companies, totalCount: answer.data!.members.totalCount };
  });

  afterAll(async () => {
    await network?.close();
    await proxy?.close();
  });

  afterEach(() => {
    proxy.mode = 'pass';
    proxy.fault = undefined;
  });

  /** A gateway of its own over this network with `breaker`, served for `work`, then stopped. */
  const withGateway = async (breaker: BreakerSettings, work: (url: string, gateway: Gateway) => Promise<void>): Promise<void> => {
    const gateway = await createGateway({
      source: { kind: 'registry', networkUrl: network.networkUrl },
      shardTimeoutMs: 5000,
      breaker,
      logger: createLogger('test', 'silent'),
      signAssertion: signerFor(network),
    });
    const server: RunningServer = await listen(gateway.app, 0, '127.0.0.1');
    try {
      await work(`${server.url}/graphql`, gateway);
    } finally {
      await server.close();
      await gateway.stop();
    }
  };

  // A shard that answers with what no deployment sends misbehaved, and is not asked again.
  const cases: Array<[FaultMode, string, RegExp, number]> = [
    ['slow', 'CLUSTER_UNAVAILABLE', new RegExp(`^timed out after ${TIMEOUT_MS} ms$`), 1],
    ['http-500', 'CLUSTER_UNAVAILABLE', /^HTTP 500$/, 2],
    ['malformed-json', 'CLUSTER_MISBEHAVED', /^malformed JSON \(HTTP 200\)$/, 1],
    ['graphql-error', 'CLUSTER_UNAVAILABLE', /^GraphQL error INTERNAL_SERVER_ERROR: Internal server error$/, 2],
    ['reset', 'CLUSTER_UNAVAILABLE', /^(network error|fetch failed|other side closed)/, 2],
  ];

  it.each(cases)('%s: the others answer, one %s names the shard and the reason', async (mode, code, reason, attempts) => {
    const members = await faultyMembers();
    proxy.mode = mode;
    proxy.hits = 0;
    const started = Date.now();
    const answer = await postGraphQL<{ networkStats: { companies: number }; members: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(network.gatewayUrl, QUERY);
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.data!.networkStats.companies).toBe(healthy.companies - faultyCompanies);
    expect(answer.data!.members.totalCount).toBe(healthy.totalCount - members);
    expect(answer.data!.members.edges.every((edge) => !edge.node.id.startsWith(`${FAULTY}:`))).toBe(true);
    const errors = answer.errors ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code, cluster: FAULTY });
    expect(String(errors[0]!.extensions!.reason)).toMatch(reason);
    // One request for both root fields; a read is tried once more unless it timed out.
    expect(proxy.hits).toBe(attempts);
    if (mode === 'slow') expect(elapsed).toBeLessThan(2000);
  });

  it('opens the circuit of a shard that keeps failing, and closes it when a probe succeeds', async () => {
    await withGateway({ failureThreshold: 2, openMs: 400 }, async (url, gateway) => {
      const state = () => gateway.shardHealth().find((shard) => shard.cluster === FAULTY)!.state;
      proxy.mode = 'http-500';
      proxy.hits = 0;
      await postGraphQL(url, QUERY);
      expect(proxy.hits).toBe(2);
      expect(state()).toBe('open');

      const whileOpen = await postGraphQL(url, QUERY);
      expect(proxy.hits).toBe(2);
      expect(String(whileOpen.errors![0]!.extensions!.reason)).toMatch(/^circuit open after 2 failures in a row \(last: HTTP 500\)/);

      const health = (await (await fetch(new URL('/health', url))).json()) as { shards: Array<{ cluster: string; state: string; lastFailure: string }> };
      expect(health.shards.find((shard) => shard.cluster === FAULTY)).toMatchObject({ state: 'open', lastFailure: 'HTTP 500' });

      proxy.mode = 'pass';
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(state()).toBe('half-open');
      const recovered = await postGraphQL(url, QUERY);
      expect(recovered.errors).toBeUndefined();
      expect(state()).toBe('closed');
    });
  });

  it('a shard whose schema lacks a field asked for is left out of that answer only, and its circuit stays closed', async () => {
    // The report's case: the others serve a field this shard does not have (it is a version behind).
    // Its subgraph refuses the gateway's document at validation, naming the field, and runs nothing.
    const behind = 'Cannot query field "founded" on type "Member".';
    await withGateway({ failureThreshold: 2, openMs: 10_000 }, async (url, gateway) => {
      const faulty = () => gateway.shardHealth().find((shard) => shard.cluster === FAULTY)!;
      proxy.fault = {
        answer: (body, request) => (String(request.query).includes('founded') ? { errors: [{ message: behind, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } : body),
      };
      const members = await faultyMembers();
      const withField = '{ members(first: 5) { totalCount edges { node { id founded } } } }';
      for (let attempt = 0; attempt < 3; attempt++) {
        const answer = await postGraphQL<{ members: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(url, withField);
        expect(answer.data!.members.totalCount).toBe(healthy.totalCount - members);
        expect(answer.errors).toEqual([
          {
            message: `Cluster "${FAULTY}" serves a schema that cannot answer this query, so its data is left out: its schema does not serve this query: ${behind}`,
            path: ['members'],
            extensions: { code: 'CLUSTER_SCHEMA_MISMATCH', cluster: FAULTY, reason: `its schema does not serve this query: ${behind}`, serviceName: 'members' },
          },
        ]);
      }
      expect(faulty()).toMatchObject({ state: 'closed', schemaMismatches: 3, lastSchemaMismatch: `its schema does not serve this query: ${behind}` });
      // Queries the shard can serve still reach it: the ordinary query stays whole.
      proxy.fault = undefined;
      const ordinary = await postGraphQL<{ networkStats: { companies: number }; members: { totalCount: number } }>(url, QUERY);
      expect(ordinary.errors).toBeUndefined();
      expect(ordinary.data!.networkStats.companies).toBe(healthy.companies);
      expect(ordinary.data!.members.totalCount).toBe(healthy.totalCount);
    });
  });

  it('a cluster down under a page of projects with partners costs only its own projects and partners', async () => {
    type Partner = { id: string; name: string; cluster: { id: string } } | null;
    type Node = { id: string; cluster: { id: string }; lead: { id: string; name: string } | null; partners: Partner[] };
    type Page = { projects: { edges: Array<{ node: Node }> } };
    const query = ANALYST_EXAMPLES.ProjectsWithPartners;
    // The whole page while nothing fails. The faulty cluster's timeout is short (for the slow
    // modes), so on a loaded machine its share may miss it once: asked again, never taken partial.
    let whole = await postGraphQL<Page>(network.gatewayUrl, query);
    for (let attempt = 1; attempt < 3 && whole.errors; attempt++) whole = await postGraphQL<Page>(network.gatewayUrl, query);
    expect(whole.errors).toBeUndefined();
    const healthy = whole.data!.projects.edges.map((edge) => edge.node);
    proxy.mode = 'http-500';
    const answer = await postGraphQL<Page>(network.gatewayUrl, query);
    expect(answer.data).not.toBeNull();
    const down = answer.data!.projects.edges.map((edge) => edge.node);
    const foreignPartnersOfDown = healthy.filter((node) => node.cluster.id !== FAULTY).flatMap((node) => node.partners).filter((partner) => partner!.cluster.id === FAULTY);
    expect(foreignPartnersOfDown.length).toBeGreaterThan(0);
    // The others' projects, in the same order, with every partner but the down cluster's.
    const expected = healthy
      .filter((node) => node.cluster.id !== FAULTY)
      .map((node) => ({ ...node, partners: node.partners.map((partner) => (partner!.cluster.id === FAULTY ? null : partner)) }));
    // The healthy page's others come first; without the down cluster's projects a full page reaches further.
    const shape = (nodes: Node[]) => nodes.map(({ id, cluster, lead, partners }) => ({ id, cluster, lead, partners }));
    expect(down.length).toBeGreaterThanOrEqual(expected.length);
    expect(shape(down.slice(0, expected.length))).toEqual(shape(expected));
    expect(down.every((node) => node.cluster.id !== FAULTY)).toBe(true);
    expect(answer.errors!.every((error) => error.extensions!.code === 'CLUSTER_UNAVAILABLE' && error.extensions!.cluster === FAULTY)).toBe(true);
  });
});
