import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, GATEWAY_KEY_PREFIX, NETWORK_AUDIENCE } from '../../shared/auth/gateway-assertion';
import { generateSigningKey } from '../../shared/auth/signing-keys';
import { SHARDED_SUBGRAPHS } from '../../shared/sharded-subgraphs';
import type { RunningNetwork } from '../../scripts/run-network';
import { signerFor } from '../support/gateway-assertion';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Every subgraph answers only the network's gateway: a request reached around it, without a valid
 * assertion of the gateway's key for that subgraph's own audience, is 401 UNAUTHENTICATED before
 * anything of it is read.
 */
describeOnBothBackends('subgraphs answer only the gateway', (backend) => {
  let network: RunningNetwork;
  /** Every GraphQL endpoint of the network but the gateway, with the audience it accepts. */
  let endpoints: Array<{ name: string; url: string; audience: readonly string[]; query: string }>;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_assert');
    endpoints = [
      { name: 'network', url: network.networkUrl, audience: [NETWORK_AUDIENCE], query: '{ clusters { id } }' },
      ...network.clusters.flatMap((cluster) =>
        SHARDED_SUBGRAPHS.map((subgraph) => ({ name: `${cluster.id}/${subgraph}`, url: `${cluster.server.url}/${subgraph}/graphql`, audience: cluster.clusterIds, query: '{ __typename }' })),
      ),
    ];
  }, 120_000);

  afterAll(async () => {
    await network?.close();
  });

  const post = (url: string, query: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

  async function expectRefused(response: Response, reason: RegExp): Promise<void> {
    expect(response.status).toBe(401);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(reason);
  }

  it('answers a request with the gateway\u2019s assertion for its own audience', async () => {
    for (const endpoint of endpoints) {
      const response = await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: await signerFor(network)(endpoint.audience) });
      expect({ endpoint: endpoint.name, status: response.status }).toEqual({ endpoint: endpoint.name, status: 200 });
    }
  });

  it('refuses a request without an assertion, even with a valid caller token', async () => {
    const token = await tokenFor({ subject: 'sg@test', role: 'secretariat' });
    for (const endpoint of endpoints) {
      await expectRefused(await post(endpoint.url, endpoint.query, {}), /no gateway assertion/);
      await expectRefused(await post(endpoint.url, endpoint.query, { authorization: `Bearer ${token}` }), /no gateway assertion/);
    }
  });

  it('refuses an expired assertion', async () => {
    const longAgo = createAssertionSigner(network.gatewayKeys, () => Date.now() - 60_000);
    for (const endpoint of endpoints) {
      await expectRefused(await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: await longAgo(endpoint.audience) }), /expired/);
    }
  });

  it('refuses an assertion for another audience', async () => {
    for (const endpoint of endpoints) {
      const elsewhere = endpoint.audience.includes('banat') ? ['transilvania'] : ['banat'];
      await expectRefused(await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: await signerFor(network)(elsewhere) }), /another audience/);
    }
  });

  it('refuses an assertion signed by a key it does not know, and a caller\u2019s token in its place', async () => {
    const stranger = createAssertionSigner({ keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] });
    const token = await tokenFor({ subject: 'sg@test', role: 'secretariat' });
    for (const endpoint of endpoints) {
      await expectRefused(await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: await stranger(endpoint.audience) }), /not valid/);
      await expectRefused(await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: token }), /not valid|another audience/);
      await expectRefused(await post(endpoint.url, endpoint.query, { [GATEWAY_ASSERTION_HEADER]: 'not a jwt' }), /malformed/);
    }
  });

  it('keeps its health endpoint open: liveness tells nothing of the data', async () => {
    const cluster = network.clusters[0]!;
    expect((await fetch(`${cluster.server.url}/health`)).status).toBe(200);
  });
});
