import { createConnection } from 'mysql2/promise';
import { until } from '../support/until';
import { HELPER_PREFIX } from '../../gateway/src/shard-router/merge-rules';
import { ANALYST_EXAMPLES } from '../../gateway/src/persisted-queries/analyst-examples';
import { DASHBOARD_EXAMPLE_VARIABLES, DASHBOARD_OPERATIONS, type DashboardOperationName } from '../../gateway/src/persisted-queries/dashboard-operations';
import { createAssertionVerifier, NETWORK_AUDIENCE } from '../../shared/auth/gateway-assertion';
import { dataSourceForRequest } from '../../shared/data-source';
import { RequestDeadline } from '../../shared/deadline/request-deadline';
import { DEFAULT_PROTECTION } from '../../shared/gateway-protection';
import { createLogger } from '../../shared/logger';
import { listen, type RunningServer } from '../../shared/server/http-app';
import { DEFAULT_SUBGRAPH_PROTECTION, ROUTER_HELPER_ALIAS_PREFIX, type SubgraphProtection } from '../../shared/subgraph-protection';
import { createClusterSubgraph, type ClusterSubgraph } from '../../subgraphs/cluster/src';
import { createNetworkSubgraph, type NetworkSubgraph } from '../../subgraphs/network/src';
import { MemberEntity } from '../../subgraphs/cluster/src/member/member.entity';
import type { RunningCluster, RunningNetwork } from '../../scripts/run-network';
import { assertionHeader } from '../support/gateway-assertion';
import { describeOnBothBackends, mysqlBaseUrl, type Backend } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * Defence in depth: every subgraph holds each request to its own limits, whoever signed it. Each
 * request here is sent straight to a cluster deployment or to the network subgraph with a valid
 * gateway assertion, as a gateway that is compromised or has a bug could send it, and is refused
 * with a stable code (never a 5xx, a stack trace or a hung subgraph) or answered within the limits.
 */
interface Answer {
  status: number;
  // Whatever the subgraph answered: a GraphQL answer or a refusal in the same shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

const LIMITS = DEFAULT_SUBGRAPH_PROTECTION.limits;
const SILENT = createLogger('test', 'silent');

it('knows the prefix of the router\u2019s helper aliases as the router writes it', () => {
  expect(ROUTER_HELPER_ALIAS_PREFIX).toBe(HELPER_PREFIX);
});

/** `members(first: 100)` of a cluster's members' cluster, `levels` deep, under `root`. */
function membersNest(levels: number, leaf: string): string {
  let selection = leaf;
  for (let level = 0; level < levels; level++) selection = `members(first: 100) { edges { node { ${level === 0 ? selection : `cluster { ${selection} }`} } } }`;
  return selection;
}

/** Counts the member nodes of an answer to `membersNest`. */
function countNodes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countNodes(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((sum, [key, inner]) => sum + (key === 'node' ? 1 : 0) + countNodes(inner), 0);
}

describeOnBothBackends('every subgraph applies its own limits', (backend: Backend) => {
  let network: RunningNetwork;
  /** A cluster of about the fault report's size, and its member count. */
  let cluster: RunningCluster;
  let clusterId: string;
  let size: number;
  /** Every SQL statement a cluster deployment starts, by when. */
  const statements: number[] = [];
  const started: Array<{ close(): Promise<void> }> = [];

  const membersUrl = (deployment: { url: string }) => `${deployment.url}/members/graphql`;

  async function send(url: string, audience: readonly string[], body: string): Promise<Answer> {
    const begun = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await assertionHeader(network, audience)) }, body });
    const text = await response.text();
    const ms = Math.round(performance.now() - begun);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|SQLITE|ER_[A-Z_]+|max_statement_time|MAX_EXECUTION_TIME/);
    // Never a server error: a deadline's 504 is the one 5xx a subgraph answers on purpose.
    expect(response.status < 500 || response.status === 504).toBe(true);
    return { status: response.status, body: JSON.parse(text), ms };
  }

  const toCluster = (payload: unknown, deployment: { url: string } = cluster.server) => send(membersUrl(deployment), cluster.clusterIds, JSON.stringify(payload));
  const toNetwork = (payload: unknown, url = network.networkUrl) => send(url, [NETWORK_AUDIENCE], JSON.stringify(payload));

  function expectRefused(answer: Answer, status: number, code: string): Record<string, unknown> {
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.data ?? null).toBeNull();
    return answer.body.errors[0].extensions;
  }

  const clusterEntity = (id: string, selection: string) => ({
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { ${selection} } } }`,
    variables: { r: [{ __typename: 'Cluster', id }] },
  });

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_sglim', { onClusterQuery: () => statements.push(performance.now()) });
    // The fault report's cluster had 47 members: the deployment whose cluster is nearest to that.
    const sizes: Array<{ deployment: RunningCluster; id: string; size: number }> = [];
    for (const deployment of network.clusters) {
      const id = deployment.clusterIds[0]!;
      const answer = await send(membersUrl(deployment.server), deployment.clusterIds, JSON.stringify(clusterEntity(id, 'members(first: 0) { totalCount }')));
      sizes.push({ deployment, id, size: answer.body.data._entities[0].members.totalCount });
    }
    const nearest = sizes.sort((a, b) => Math.abs(a.size - 47) - Math.abs(b.size - 47))[0]!;
    ({ deployment: cluster, id: clusterId, size } = nearest);
  }, 180_000);

  afterAll(async () => {
    for (const server of started.reverse()) await server.close();
    await network?.close();
  });

  /** A cluster deployment or network subgraph of its own over the test network's databases, with `protection`. */
  async function startCluster(protection: SubgraphProtection): Promise<RunningServer> {
    const subgraph: ClusterSubgraph = await createClusterSubgraph({
      dataSource: cluster.dataSource,
      clusterIds: cluster.clusterIds,
      logger: SILENT,
      gatewayAssertion: createAssertionVerifier(network.gatewayKeys, cluster.clusterIds),
      protection,
    });
    const server = await listen(subgraph.app, 0, '127.0.0.1');
    started.push({ close: async () => (await server.close(), await subgraph.stop()) });
    return server;
  }

  async function startNetworkSubgraph(protection: SubgraphProtection): Promise<RunningServer> {
    const subgraph: NetworkSubgraph = await createNetworkSubgraph({
      dataSource: network.networkDataSource,
      logger: SILENT,
      gatewayAssertion: createAssertionVerifier(network.gatewayKeys, [NETWORK_AUDIENCE]),
      protection,
    });
    const server = await listen(subgraph.app, 0, '127.0.0.1');
    started.push({ close: async () => (await server.close(), await subgraph.stop()) });
    return server;
  }

  describe('a cluster deployment', () => {
    it('refuses the fault report\u2019s nest of members three deep, and answers it two deep within the limits', async () => {
      // The report's 221-byte query: a cluster's members' cluster's members' cluster's members.
      const report = clusterEntity(clusterId, membersNest(3, 'id'));
      const refused = await toCluster(report);
      const extensions = expectRefused(refused, 400, 'QUERY_TOO_COMPLEX');
      expect(extensions).toMatchObject({ measure: 'cost', limit: LIMITS.maxCost });
      // With `__typename` at the bottom it is a level shallower, and still refused by its cost.
      expect(expectRefused(await toCluster(clusterEntity(clusterId, membersNest(3, '__typename'))), 400, 'QUERY_TOO_COMPLEX').measure).toBe('cost');
      // From a root field the same nest is a level deeper than any operation the gateway sends.
      const fromRoot = await toCluster({ query: `{ member(id: "${clusterId}:1") { cluster { ${membersNest(3, 'id')} } } }` });
      expect(expectRefused(fromRoot, 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'depth', limit: LIMITS.maxDepth, depth: LIMITS.maxDepth + 1 });
      // Two deep is what the limits let through: size² nodes, answered.
      const twoDeep = await toCluster(clusterEntity(clusterId, membersNest(2, 'id')));
      expect(twoDeep.status).toBe(200);
      expect(twoDeep.body.errors).toBeUndefined();
      const nodes = countNodes(twoDeep.body.data);
      expect(nodes).toBe(size + size * size);
      console.log(
        `[subgraph-limits ${backend.kind}] ${clusterId} (${size} members): three deep (${report.query.length} bytes of query) would be ${size ** 3 + size ** 2 + size} nodes: refused with cost ${String(extensions.cost)} > ${LIMITS.maxCost} in ${refused.ms} ms; from a root field refused by depth in ${fromRoot.ms} ms; two deep answered with ${nodes} nodes in ${twoDeep.ms} ms`,
      );
    });

    it('refuses an alias flood, and a flood of forged router helpers by what they cost', async () => {
      const flood = `{ ${Array.from({ length: LIMITS.maxAliases + 10 }, (_, index) => `a${index}: member(id: "${clusterId}:${index + 1}") { id }`).join(' ')} }`;
      expect(expectRefused(await toCluster({ query: flood }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'aliases', limit: LIMITS.maxAliases, aliases: LIMITS.maxAliases + 10 });
      // The router's own helpers are not counted as aliases; forged ones buy no more than their cost.
      const helpers = `{ ${Array.from({ length: 120 }, (_, index) => `${HELPER_PREFIX}x${index}: members(first: 100) { edges { node { id name membership { status fees { year } } } } }`).join(' ')} }`;
      const refused = expectRefused(await toCluster({ query: helpers }), 400, 'QUERY_TOO_COMPLEX');
      expect(refused.measure).toBe('cost');
      // Each fragment spreads the one below it twice: 2^11 fields from a few lines.
      const levels = Array.from({ length: 11 }, (_, index) => `fragment F${index} on Member { ...F${index + 1} ...F${index + 1} }`);
      const bomb = `{ member(id: "${clusterId}:1") { ...F0 } } ${levels.join(' ')} fragment F11 on Member { id name }`;
      expect(expectRefused(await toCluster({ query: bomb }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'fields', limit: LIMITS.maxFields });
    });

    it('stops parsing a query of too many tokens, with room above the gateway\u2019s limit for the operations it builds', async () => {
      // The tokens of a long list of kinds: nothing else about the query is large.
      const tokens = (count: number) => `{ members(first: 1, filter: { kind: [${'SME '.repeat(count)}] }) { totalCount } }`;
      const refused = expectRefused(await toCluster({ query: tokens(DEFAULT_SUBGRAPH_PROTECTION.maxTokens) }), 400, 'GRAPHQL_PARSE_FAILED');
      expect(refused).toBeDefined();
      const roomy = await toCluster({ query: tokens(DEFAULT_PROTECTION.maxTokens + 1000) });
      expect([roomy.status, roomy.body.errors]).toEqual([200, undefined]);
    });

    it('refuses a body over the size limit with 413', async () => {
      const answer = await toCluster({ query: '{ __typename }', variables: { pad: 'x'.repeat(DEFAULT_SUBGRAPH_PROTECTION.bodyLimitBytes) } });
      expect(expectRefused(answer, 413, 'PAYLOAD_TOO_LARGE').limitBytes).toBe(DEFAULT_SUBGRAPH_PROTECTION.bodyLimitBytes);
    });

    it('refuses 5000 entity representations in one request, and answers as many as its cap', async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`;
      const representations = (count: number) => Array.from({ length: count }, (_, index) => ({ __typename: 'Member', id: `${clusterId}:${(index % size) + 1}` }));
      const refused = await toCluster({ query, variables: { r: representations(5000) } });
      expect(expectRefused(refused, 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'entities', limit: LIMITS.maxEntities, entities: 5000 });
      const atCap = await toCluster({ query, variables: { r: representations(LIMITS.maxEntities!) } });
      expect([atCap.status, atCap.body.errors, atCap.body.data._entities.length]).toEqual([200, undefined, LIMITS.maxEntities]);
      console.log(`[subgraph-limits ${backend.kind}] 5000 representations refused in ${refused.ms} ms; ${LIMITS.maxEntities} answered in ${atCap.ms} ms`);
    });

    it('answers a heavy query that runs past a short deadline with DEADLINE_EXCEEDED, and starts no statement after it', async () => {
      // Ten pages of 100 members with their people, memberships and groups: legitimate, and heavy.
      const heavy = `{ ${Array.from({ length: 10 }, (_, index) => `p${index}: members(first: 100, filter: { minEmployees: ${index} }) { edges { node { id name people { name } membership { status joinedOn } workingGroups { name } } } }`).join(' ')} }`;
      // Its quickest of three runs, once warm: the deadline is a fifth of it.
      const runs: Answer[] = [];
      for (let run = 0; run < 3; run++) runs.push(await toCluster({ query: heavy }));
      for (const run of runs) expect([run.status, run.body.errors]).toEqual([200, undefined]);
      const normal = runs.reduce((quickest, run) => (run.ms < quickest.ms ? run : quickest));
      const deadlineMs = Math.max(1, Math.floor(normal.ms / 5));
      const hurried = await startCluster({ ...DEFAULT_SUBGRAPH_PROTECTION, requestDeadlineMs: deadlineMs });
      const before = statements.length;
      const answer = await toCluster({ query: heavy }, hurried);
      const answeredAt = performance.now();
      // Either the timer answers (where the work waits on the database), or the statements the
      // deadline refuses fail their fields first (where they run synchronously, as on SQLite): 504
      // and DEADLINE_EXCEEDED alone, both ways.
      const codes = new Set((answer.body.errors ?? []).map((error: { extensions: { code: string } }) => error.extensions.code));
      expect([answer.status, [...codes]]).toEqual([504, ['DEADLINE_EXCEEDED']]);
      expect(answer.body.errors[0].extensions.limitMs).toBe(deadlineMs);
      const ran = statements.length - before;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = statements.slice(before).filter((at) => at > answeredAt).length;
      expect(late).toBe(0);
      // The deployment is not left blocked: the same query within the default deadline still answers.
      const after = await toCluster({ query: heavy });
      expect([after.status, after.body.errors]).toEqual([200, undefined]);
      console.log(
        `[subgraph-limits ${backend.kind}] heavy query: ${normal.ms} ms normally; with a ${deadlineMs} ms deadline HTTP ${answer.status} DEADLINE_EXCEEDED in ${answer.ms} ms after ${ran} statements, none started later`,
      );
    });
  });

  describe('the network subgraph', () => {
    /** A cluster's initiatives' clusters' initiatives…, `levels` pairs deep. */
    const initiativesNest = (levels: number) => {
      let selection = 'id';
      for (let level = 0; level < levels; level++) selection = `networkInitiatives { clusters { ${selection} } }`;
      return `{ clusters { ${selection} } }`;
    };

    it('refuses nests by depth and by cost, and answers a shallow one', async () => {
      expect(expectRefused(await toNetwork({ query: initiativesNest(7) }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'depth', limit: LIMITS.maxDepth });
      const wide = await toNetwork({ query: initiativesNest(3) });
      expect(expectRefused(wide, 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'cost', limit: LIMITS.maxCost });
      const shallow = await toNetwork({ query: initiativesNest(1) });
      expect([shallow.status, shallow.body.errors]).toEqual([200, undefined]);
    });

    it('refuses an alias flood, too many tokens and a body over the limit', async () => {
      const flood = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, index) => `a${index}: clusters { id }`).join(' ')} }`;
      expect(expectRefused(await toNetwork({ query: flood }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'aliases', aliases: LIMITS.maxAliases + 1 });
      expectRefused(await toNetwork({ query: `{ clusters { ${'id '.repeat(DEFAULT_SUBGRAPH_PROTECTION.maxTokens)}} }` }), 400, 'GRAPHQL_PARSE_FAILED');
      const huge = await toNetwork({ query: '{ __typename }', variables: { pad: 'x'.repeat(DEFAULT_SUBGRAPH_PROTECTION.bodyLimitBytes) } });
      expectRefused(huge, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses 5000 cluster representations in one request', async () => {
      const representations = Array.from({ length: 5000 }, (_, index) => ({ __typename: 'Cluster', id: network.clusters[index % network.clusters.length]!.clusterIds[0] }));
      const answer = await toNetwork({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { id name } } }`, variables: { r: representations } });
      expect(expectRefused(answer, 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'entities', limit: LIMITS.maxEntities, entities: 5000 });
    });

    it('answers a query still running at its deadline with DEADLINE_EXCEEDED', async () => {
      const heavy = `{ ${Array.from({ length: 2 }, (_, index) => `c${index}: clusters { networkInitiatives { clusters { networkInitiatives { title objective { title } leadCluster { name } } } } }`).join(' ')} }`;
      const normal = await toNetwork({ query: heavy });
      expect([normal.status, normal.body.errors]).toEqual([200, undefined]);
      const hurried = await startNetworkSubgraph({ ...DEFAULT_SUBGRAPH_PROTECTION, requestDeadlineMs: 1 });
      const answer = await toNetwork({ query: heavy }, `${hurried.url}/graphql`);
      const codes = new Set((answer.body.errors ?? []).map((error: { extensions: { code: string } }) => error.extensions.code));
      expect([answer.status, [...codes]]).toEqual([504, ['DEADLINE_EXCEEDED']]);
      console.log(`[subgraph-limits ${backend.kind}] network subgraph: heavy query ${normal.ms} ms normally; with a 1 ms deadline HTTP ${answer.status} DEADLINE_EXCEEDED in ${answer.ms} ms`);
    });
  });

  describe('SQL under a deadline', () => {
    it('starts no statement once the deadline has passed, and still rolls back the transaction it cut', async () => {
      const expired = new RequestDeadline(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The request's view of the data source, as its context holds it: every way a resolver reaches the database.
      const late = dataSourceForRequest(cluster.dataSource, expired);
      await expect(late.query('SELECT COUNT(*) AS n FROM members')).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
      await expect(late.getRepository(MemberEntity).count()).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
      await expect(late.createQueryBuilder(MemberEntity, 'm').getMany()).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
      // Another request's view, at the same moment and over the same connections, keeps its own deadline.
      const onTime = dataSourceForRequest(cluster.dataSource, new RequestDeadline(60_000));
      const [early, stopped] = await Promise.allSettled([onTime.getRepository(MemberEntity).count(), late.getRepository(MemberEntity).count()]);
      expect([early.status, stopped.status]).toEqual(['fulfilled', 'rejected']);
      expect(await cluster.dataSource.getRepository(MemberEntity).count()).toBe((early as PromiseFulfilledResult<number>).value);
      const cut = late.transaction(async (manager) => {
        await manager.query('UPDATE members SET name = name WHERE id = 1');
      });
      await expect(cut).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
      // The rollback ran: the next write goes through at once, nothing holds a lock or a transaction.
      await cluster.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE members SET name = name WHERE id = 1');
      });
    });

    if (backend.kind === 'mysql') {
      it('has the server stop a statement that runs past the deadline', async () => {
        // A statement no resolver writes, run as a request's would be: members⁶ rows to count.
        const join = 'SELECT COUNT(*) AS n FROM members a CROSS JOIN members b CROSS JOIN members c CROSS JOIN members d CROSS JOIN members e CROSS JOIN members f';
        const begun = performance.now();
        const slow = dataSourceForRequest(cluster.dataSource, new RequestDeadline(300)).query(join);
        await expect(slow).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED', limitMs: 300 } });
        const ms = Math.round(performance.now() - begun);
        expect(ms).toBeLessThan(5_000);
        // Stopped by the server, not only given up on by the client: nothing of it still runs. The
        // server answers the error as it stops the statement, and may list its thread a moment longer
        // while it cleans up; a statement left running would stay listed (it has members⁶ rows to go).
        const connection = await createConnection(mysqlBaseUrl());
        let goneAfterMs: number;
        try {
          const listed = async () => {
            const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE '%CROSS JOIN members f%' AND ID <> CONNECTION_ID()`);
            return Number((rows as Array<{ n: number }>)[0]!.n);
          };
          goneAfterMs = await until(async () => (await listed()) === 0, 2_000);
        } finally {
          await connection.end();
        }
        console.log(`[subgraph-limits mysql] a statement past a 300 ms deadline was stopped by the server after ${ms} ms; off the process list ${goneAfterMs} ms later`);
      });
    }
  });

  it('lets the gateway\u2019s own operations through every subgraph\u2019s limits', async () => {
    const heaviest = `{ events(first: 100) { edges { node { id registrations { attendees member { id name cluster { id } } } } } } }`;
    for (const [name, query] of Object.entries({ ...DASHBOARD_OPERATIONS, ...ANALYST_EXAMPLES, EventsWithRegistrations: heaviest })) {
      const response = await fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName: name === 'EventsWithRegistrations' ? undefined : name, variables: DASHBOARD_EXAMPLE_VARIABLES[name as DashboardOperationName] ?? {} }) });
      const body = (await response.json()) as { errors?: unknown };
      expect([name, response.status, body.errors]).toEqual([name, 200, undefined]);
    }
  });
});
