import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, parse } from 'graphql';
import { createGateway, type Gateway } from '../../gateway/src';
import { operationCost } from '../../shared/limits/operation-cost';
import { ANALYST_EXAMPLES } from '../../gateway/src/persisted-queries/analyst-examples';
import { DASHBOARD_EXAMPLE_VARIABLES, DASHBOARD_OPERATIONS, type DashboardOperationName } from '../../gateway/src/persisted-queries/dashboard-operations';
import { persistedQueryHash } from '../../gateway/src/persisted-queries/persisted-query-cache';
import type { JWK } from 'jose';
import { generateSigningKey } from '../../shared/auth/signing-keys';
import { createTokenVerifier, issueToken } from '../../shared/auth/tokens';
import { DEFAULT_PROTECTION, type GatewayProtection } from '../../shared/gateway-protection';
import { createLogger } from '../../shared/logger';
import { listen, type RunningServer } from '../../shared/server/http-app';
import type { RunningNetwork } from '../../scripts/run-network';
import { signerFor } from '../support/gateway-assertion';
import { describeOnBothBackends } from '../support/mysql';
import { describeWithRedis, REDIS_TEST_URL } from '../support/redis';
import { startTestNetwork } from '../support/test-network';

/**
 * The gateway's limits against hostile and careless requests, each answered with its stable code,
 * never a 5xx or a stack trace; and the dashboard's and analysts' real operations well within them.
 */
interface Answer {
  status: number;
  headers: Headers;
  // The body is whatever the server sent: a GraphQL answer, a batch of them, or an error document.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function send(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|SQLITE|ER_[A-Z_]+/);
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => send(url, JSON.stringify(payload), { 'content-type': 'application/json', ...headers });

function expectRefused(answer: Answer, status: number, code: string): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors[0].extensions.code).toBe(code);
  return answer.body.errors[0].extensions;
}

/** A query `levels + 4` fields deep: a page of working groups, then their participants' working groups' participants… */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = (levels - level) % 2 === 1 ? `participants { ${selection} }` : `workingGroups { ${selection} }`;
  return `{ workingGroups(first: 1) { edges { node { ${selection} } } } }`;
}

describeOnBothBackends('hostile input at the gateway', (backend) => {
  let network: RunningNetwork;
  let url: string;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_hostile');
    url = network.gatewayUrl;
  });

  afterAll(async () => {
    await network?.close();
  });

  it('refuses an operation nested deeper than the limit, naming the limit and the depth', async () => {
    const extensions = expectRefused(await post(url, { query: nested(12) }), 400, 'QUERY_TOO_COMPLEX');
    expect(extensions).toMatchObject({ measure: 'depth', limit: DEFAULT_PROTECTION.limits.maxDepth, depth: 16 });
    expect((await post(url, { query: nested(4) })).body.errors).toBeUndefined();
  });

  it('refuses an operation over the cost limit, naming the limit and the cost', async () => {
    const query = `{ members(first: 100) { edges { node { workingGroups { participants { workingGroups { participants { id name } } } } } } } }`;
    const extensions = expectRefused(await post(url, { query }), 400, 'QUERY_TOO_COMPLEX');
    expect(extensions).toMatchObject({ measure: 'cost', limit: DEFAULT_PROTECTION.limits.maxCost });
    expect(extensions.cost).toBeGreaterThan(DEFAULT_PROTECTION.limits.maxCost);
    // The same shape on a page of 2 is cheap enough.
    expect((await post(url, { query: query.replace('first: 100', 'first: 2') })).body.errors).toBeUndefined();
  });

  it('prices a page by the `first` it is given in a variable', async () => {
    const query = `query($n: Int) { members(first: $n) { edges { node { workingGroups { participants { workingGroups { participants { id name } } } } } } } }`;
    expect(expectRefused(await post(url, { query, variables: { n: 100 } }), 400, 'QUERY_TOO_COMPLEX').measure).toBe('cost');
    expect((await post(url, { query, variables: { n: 2 } })).body.errors).toBeUndefined();
  });

  it('refuses alias floods and fragment bombs', async () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: networkStats { members }`).join(' ')} }`;
    expect(expectRefused(await post(url, { query: aliases }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'aliases', limit: 30, aliases: 40 });
    // Each fragment spreads the one below it twice: 2^12 fields from a few lines of text.
    const levels = Array.from({ length: 12 }, (_, index) => `fragment F${index} on Cluster { ...F${index + 1} ...F${index + 1} }`);
    const bomb = `{ clusters { ...F0 } } ${levels.join(' ')} fragment F12 on Cluster { id name }`;
    expect(expectRefused(await post(url, { query: bomb }), 400, 'QUERY_TOO_COMPLEX')).toMatchObject({ measure: 'fields', limit: 500 });
  });

  it('stops parsing a query of too many tokens', async () => {
    const query = `{ clusters { ${'id '.repeat(DEFAULT_PROTECTION.maxTokens)} } }`;
    expectRefused(await post(url, { query }), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses a body over the size limit with 413, and malformed JSON with 400', async () => {
    const huge = JSON.stringify({ query: '{ clusters { id } }', variables: { pad: 'x'.repeat(DEFAULT_PROTECTION.bodyLimitBytes) } });
    expect(expectRefused(await send(url, huge), 413, 'PAYLOAD_TOO_LARGE').limitBytes).toBe(DEFAULT_PROTECTION.bodyLimitBytes);
    expectRefused(await send(url, '{"query": "{ clusters { id } }"'), 400, 'BAD_REQUEST');
    expectRefused(await send(url, '{"query": 42}'), 400, 'BAD_REQUEST');
    expectRefused(await send(url, '"just a string"'), 400, 'BAD_REQUEST');
  });

  it('answers a batch within the limit, and refuses a larger one', async () => {
    const batch = await post(url, [{ query: '{ clusters { id } }' }, { query: '{ network { name } }' }]);
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveLength(2);
    const tooMany = Array.from({ length: DEFAULT_PROTECTION.maxBatch + 1 }, () => ({ query: '{ clusters { id } }' }));
    expect(expectRefused(await post(url, tooMany), 400, 'BATCH_TOO_LARGE').limit).toBe(DEFAULT_PROTECTION.maxBatch);
  });

  it('refuses requests a browser form could send from another site', async () => {
    expectRefused(await send(url, JSON.stringify({ query: '{ clusters { id } }' }), { 'content-type': 'text/plain' }), 400, 'BAD_REQUEST');
    const get = await fetch(`${url}?query=${encodeURIComponent('{ clusters { id } }')}`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('knows the dashboard\u2019s operations by hash, and takes others registered at run time', async () => {
    for (const [name, query] of Object.entries(DASHBOARD_OPERATIONS)) {
      const answer = await post(url, { operationName: name, variables: DASHBOARD_EXAMPLE_VARIABLES[name as DashboardOperationName] ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: persistedQueryHash(query) } } });
      expect([name, answer.status, answer.body.errors]).toEqual([name, 200, undefined]);
      expect(answer.body.data).toBeTruthy();
    }
    const adHoc = '{ network { name } }';
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: persistedQueryHash(adHoc) } } };
    expectRefused(await post(url, byHash), 200, 'PERSISTED_QUERY_NOT_FOUND');
    expect((await post(url, { query: adHoc, ...byHash })).body.data).toEqual({ network: { name: 'IT-RO' } });
    expect((await post(url, byHash)).body.data).toEqual({ network: { name: 'IT-RO' } });
  });

  it('runs every dashboard operation and analyst example well within the limits', async () => {
    const costs: Record<string, number> = {};
    const schema = buildClientSchema((await post(url, { query: getIntrospectionQuery() })).body.data);
    for (const [name, query] of Object.entries({ ...DASHBOARD_OPERATIONS, ...ANALYST_EXAMPLES })) {
      const variables = DASHBOARD_EXAMPLE_VARIABLES[name as DashboardOperationName] ?? {};
      const answer = await post(url, { query, operationName: name, variables });
      expect([name, answer.status, answer.body.errors]).toEqual([name, 200, undefined]);
      // Half the cost limit must still let it through: the limit leaves room.
      costs[name] = operationCost(schema, parse(query), variables);
      expect(costs[name]).toBeLessThanOrEqual(DEFAULT_PROTECTION.limits.maxCost / 2);
    }
    console.log(`[limits ${backend.kind}] costs: ${JSON.stringify(costs)}`);
  });
});

describe('gateway limits that are configured', () => {
  let network: RunningNetwork;
  const running: Array<{ gateway: Gateway; server: RunningServer }> = [];

  let keys: JWK;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-limits-'));

  beforeAll(async () => {
    keys = await generateSigningKey();
    network = await startTestNetwork({ kind: 'sqlite', databaseUrl: (name) => `sqlite:${path.join(folder, `${name}.sqlite`)}` }, 'itro_limits', { authKeys: { keys: [keys] } });
  });

  afterAll(async () => {
    for (const { gateway, server } of running) {
      await server.close();
      await gateway.stop();
    }
    await network?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Another gateway over the same subgraphs, with its own limits. */
  async function gatewayWith(protection: Partial<GatewayProtection>): Promise<string> {
    const gateway = await createGateway({
      source: { kind: 'registry', networkUrl: network.networkUrl },
      logger: createLogger('test', 'silent'),
      signAssertion: signerFor(network),
      protection: { ...DEFAULT_PROTECTION, ...protection },
      verifyToken: createTokenVerifier({ keys: [keys] }),
    });
    const server = await listen(gateway.app, 0, '127.0.0.1');
    running.push({ gateway, server });
    return `${server.url}/graphql`;
  }

  it('hides the schema when introspection is off, suggestions included', async () => {
    const url = await gatewayWith({ introspection: false, rateLimits: null });
    expectRefused(await post(url, { query: '{ __schema { types { name } } }' }), 400, 'GRAPHQL_VALIDATION_FAILED');
    const misspelt = await post(url, { query: '{ cluster(id: "banat") { nam } }' });
    expect(misspelt.status).toBe(400);
    expect(JSON.stringify(misspelt.body)).not.toMatch(/Did you mean/);
    expect((await post(url, { query: '{ network { name } }' })).body.data).toEqual({ network: { name: 'IT-RO' } });
  });

  it('limits each address without a token, and each token on its own budget', async () => {
    const url = await gatewayWith({ rateLimits: { perAddressPerMinute: 3, perTokenPerMinute: 4 } });
    const token = await issueToken({ keys: [keys] }, { subject: 'analyst@limits', role: 'analyst' });
    for (let request = 0; request < 3; request++) expect((await post(url, { query: '{ network { name } }' })).status).toBe(200);
    const limited = await post(url, { query: '{ network { name } }' });
    expect(expectRefused(limited, 429, 'RATE_LIMITED')).toMatchObject({ scope: 'address', limitPerMinute: 3 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A made-up token buys nothing: it counts against the address.
    expectRefused(await post(url, { query: '{ network { name } }' }, { authorization: 'Bearer made.up.token' }), 429, 'RATE_LIMITED');
    // A batch spends one unit per operation.
    const headers = { authorization: `Bearer ${token}` };
    expect((await post(url, [{ query: '{ network { name } }' }, { query: '{ network { name } }' }, { query: '{ network { name } }' }], headers)).status).toBe(200);
    expect((await post(url, { query: '{ network { name } }' }, headers)).status).toBe(200);
    expect(expectRefused(await post(url, { query: '{ network { name } }' }, headers), 429, 'RATE_LIMITED')).toMatchObject({ scope: 'token', limitPerMinute: 4 });
  });

  describeWithRedis('rate limits shared by replicas', () => {
    it('counts the requests of two gateways together through Redis', async () => {
      const subject = `analyst-${process.pid}-${Date.now()}@redis`;
      const token = await issueToken({ keys: [keys] }, { subject, role: 'analyst' });
      const settings = { rateLimits: { perAddressPerMinute: 0, perTokenPerMinute: 5, redisUrl: REDIS_TEST_URL } };
      const [first, second] = [await gatewayWith(settings), await gatewayWith(settings)];
      const headers = { authorization: `Bearer ${token}` };
      const statuses: number[] = [];
      for (let request = 0; request < 6; request++) statuses.push((await post(request % 2 === 0 ? first : second, { query: '{ viewer { role } }' }, headers)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });
  });
});
