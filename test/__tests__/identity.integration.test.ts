import { REQUEST_ID_HEADER } from '../../shared/server/request-id';
import 'reflect-metadata';
import { httpTransport } from '../../gateway/src';
import { GATEWAY_ASSERTION_HEADER } from '../../shared/auth/gateway-assertion';
import { assertionHeader } from '../support/gateway-assertion';
import { createRemoteTokenVerifier } from '../../shared/auth/tokens';
import { JWKS_PATH } from '../../subgraphs/network/src';
import type { RunningNetwork } from '../../scripts/run-network';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Who the caller is travels as a signed token: the gateway refuses a bad one at the door, hands a
 * good one on to every subgraph it asks (and nothing else that names the caller), and each subgraph
 * verifies it itself.
 */
describeOnBothBackends('identity through the gateway', (backend) => {
  let network: RunningNetwork;
  const seenByShards: Array<Record<string, string>> = [];

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_auth', {
      transport: (shard, subgraph, request, headers) => {
        seenByShards.push(headers);
        return httpTransport(shard, subgraph, request, headers);
      },
    });
  });

  afterAll(async () => {
    await network?.close();
  });

  async function ask(query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
    const response = await fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as never };
  }

  const VIEWER = '{ viewer { role subject memberId cluster { id name } } members(first: 1, clusters: ["banat"]) { totalCount } }';

  it('takes a caller without a token as anonymous', async () => {
    const { status, body } = await ask(VIEWER);
    expect(status).toBe(200);
    expect(body.data!.viewer).toEqual({ role: 'anonymous', subject: null, memberId: null, cluster: null });
  });

  it('reads every role from its token, and hands the token on to the shards', async () => {
    const cases = [
      { request: { subject: 'ana', role: 'member' as const, cluster: 'banat', member: 'banat:3' }, viewer: { role: 'member', subject: 'ana', memberId: 'banat:3', cluster: { id: 'banat', name: 'Banat Software' } } },
      { request: { subject: 'ion', role: 'cluster-admin' as const, cluster: 'transilvania' }, viewer: { role: 'cluster-admin', subject: 'ion', memberId: null, cluster: { id: 'transilvania', name: 'Transilvania IT Cluster' } } },
      { request: { subject: 'sg', role: 'secretariat' as const }, viewer: { role: 'secretariat', subject: 'sg', memberId: null, cluster: null } },
      { request: { subject: 'ro', role: 'analyst' as const }, viewer: { role: 'analyst', subject: 'ro', memberId: null, cluster: null } },
    ];
    for (const { request, viewer } of cases) {
      const token = await tokenFor(request);
      seenByShards.length = 0;
      const { status, body } = await ask(VIEWER, { authorization: `Bearer ${token}` });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.viewer).toEqual(viewer);
      expect(seenByShards.length).toBeGreaterThan(0);
      // The caller's token, the gateway's own assertion beside it, and the request's id (which names no caller): nothing else.
      for (const headers of seenByShards) expect(headers).toEqual({ authorization: `Bearer ${token}`, [GATEWAY_ASSERTION_HEADER]: expect.any(String), [REQUEST_ID_HEADER]: expect.any(String) });
    }
  });

  it('refuses a bad or expired token with 401 UNAUTHENTICATED before asking any shard', async () => {
    const expired = await tokenFor({ subject: 'late', role: 'analyst', expiresIn: '-1s' });
    for (const authorization of ['Bearer a.b.c', `Bearer ${expired}`, 'Basic dXNlcjpwYXNz', 'Bearer']) {
      seenByShards.length = 0;
      const { status, body } = await ask(VIEWER, { authorization });
      expect(status).toBe(401);
      expect(body.errors).toEqual([{ message: expect.stringMatching(/^Not signed in: /), extensions: { code: 'UNAUTHENTICATED' } }]);
      expect(seenByShards).toEqual([]);
    }
  });

  it('trusts no identity header a client sends, and hands none on', async () => {
    seenByShards.length = 0;
    const { body } = await ask(VIEWER, { 'x-itro-role': 'secretariat', 'x-user': 'sg', 'x-forwarded-user': 'sg' });
    expect(body.data!.viewer).toMatchObject({ role: 'anonymous' });
    for (const headers of seenByShards) expect(headers).toEqual({ [GATEWAY_ASSERTION_HEADER]: expect.any(String), [REQUEST_ID_HEADER]: expect.any(String) });
  });

  it('is refused by a subgraph asked directly with a token it cannot verify', async () => {
    const banat = network.clusters.find((cluster) => cluster.id === 'banat')!;
    const response = await fetch(`${banat.server.url}/members/graphql`, {
      method: 'POST',
      // With the gateway's assertion, so that the token alone is what it refuses.
      headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c', ...(await assertionHeader(network, ['banat'])) },
      body: JSON.stringify({ query: '{ members(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const refusal = ((await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors[0]!;
    expect(refusal).toMatchObject({ message: 'Not signed in: the token is not valid', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('publishes the public keys, and only them, for processes that verify with the published set', async () => {
    const response = await fetch(network.networkUrl.replace(/\/graphql$/, JWKS_PATH));
    expect(response.status).toBe(200);
    const published = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(published.keys.length).toBeGreaterThan(0);
    for (const key of published.keys) expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(published.keys.some((key) => 'd' in key)).toBe(false);
    const verify = createRemoteTokenVerifier(network.networkUrl.replace(/\/graphql$/, JWKS_PATH));
    expect((await verify(`Bearer ${await tokenFor({ subject: 'jwks@test', role: 'analyst' })}`)).subject).toBe('jwks@test');
  });
});
