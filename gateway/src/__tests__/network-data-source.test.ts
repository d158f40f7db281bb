import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_ASSERTION_HEADER } from '../../../shared/auth/gateway-assertion';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/idempotency/idempotency-key';
import { NetworkDataSource } from '../network-data-source';
import { misbehaved, unavailable, type HttpPost, type ShardRequest, type ShardResult } from '../shard-router/send';
import type { GatewayContext } from '../gateway-context';

const NETWORK_URL = 'http://network.example:4001/graphql';

/** A data source over a scripted HTTP client, which records what it was asked to send. */
function sourceAnswering(...results: Array<(target: Parameters<HttpPost>[0]) => ShardResult>) {
  const sent: Array<{ url: string; request: ShardRequest; headers: Record<string, string> }> = [];
  const post: HttpPost = async (target, url, request, headers) => {
    sent.push({ url: url.href, request, headers });
    const next = results.shift();
    if (!next) throw new Error('sent more often than scripted');
    return next(target);
  };
  const source = new NetworkDataSource({ url: NETWORK_URL, post, signAssertion: async (audience) => `signed-for-${audience.join(',')}`, timeoutMs: 1000 });
  const process = (query: string, context: GatewayContext = {}) =>
    source.process({ kind: 'incoming operation', request: { query, variables: { a: 1 } }, context } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  return { sent, process };
}

const ok = (data: Record<string, unknown>) => (target: Parameters<HttpPost>[0]): ShardResult => ({ ok: true, shard: target, body: { data } });

describe('the network subgraph data source', () => {
  it('sends the fetch with the assertion for the network, the caller token, and answers the body as it came', async () => {
    const { sent, process } = sourceAnswering(ok({ clusters: [{ id: 'banat' }] }));
    const answer = await process('{ clusters { id } }', { authorization: 'Bearer t', idempotencyKey: 'key-12345678' });
    expect(answer).toEqual({ data: { clusters: [{ id: 'banat' }] } });
    expect(sent).toEqual([{ url: NETWORK_URL, request: { query: '{ clusters { id } }', variables: { a: 1 } }, headers: { [GATEWAY_ASSERTION_HEADER]: 'signed-for-network', authorization: 'Bearer t' } }]);
  });

  it('hands the Idempotency-Key on with a mutation only', async () => {
    const { sent, process } = sourceAnswering(ok({ updateNetwork: { name: 'x' } }));
    await process('mutation($a: Int) { updateNetwork(a: $a) { name } }', { idempotencyKey: 'key-12345678' });
    expect(sent[0]!.headers[IDEMPOTENCY_KEY_HEADER]).toBe('key-12345678');
  });

  it('answers NETWORK_UNAVAILABLE at each root field after one retry of a read', async () => {
    const { sent, process } = sourceAnswering(
      (target) => unavailable(target, 'network error ECONNRESET'),
      (target) => unavailable(target, 'connection refused', false),
    );
    const answer = await process('{ clusters { id } one: cluster(id: "banat") { id } }');
    expect(sent).toHaveLength(2);
    expect(answer.errors).toEqual(
      ['clusters', 'one'].map((key) => ({ message: 'The network subgraph is unavailable: connection refused', path: [key], extensions: { code: 'NETWORK_UNAVAILABLE', reason: 'connection refused' } })),
    );
  });

  it('does not send a read again after a timeout or an unusable answer', async () => {
    for (const failure of [(target: Parameters<HttpPost>[0]) => unavailable(target, 'timed out after 1000 ms'), (target: Parameters<HttpPost>[0]) => misbehaved(target, 'malformed JSON (HTTP 200)')]) {
      const { sent, process } = sourceAnswering(failure);
      const answer = await process('{ clusters { id } }');
      expect(sent).toHaveLength(1);
      expect(answer.errors![0]!.extensions!.code).toBe('NETWORK_UNAVAILABLE');
    }
  });

  it('sends a mutation once and says whether the write may have happened', async () => {
    const mutation = 'mutation { updateNetwork { name } }';
    const refused = sourceAnswering((target) => unavailable(target, 'connection refused', false));
    expect((await refused.process(mutation)).errors![0]!.extensions).toEqual({ code: 'NETWORK_UNAVAILABLE', reason: 'connection refused', outcome: 'not-applied' });
    const lost = sourceAnswering((target) => unavailable(target, 'network error ECONNRESET'));
    expect((await lost.process(mutation)).errors![0]!.extensions).toEqual({ code: 'NETWORK_UNAVAILABLE', reason: 'network error ECONNRESET', outcome: 'unknown' });
    expect(lost.sent).toHaveLength(1);
  });

  it('leaves an entity fetch\'s error without a path of its own', async () => {
    const { process } = sourceAnswering((target) => unavailable(target, 'HTTP 503'), (target) => unavailable(target, 'HTTP 503'));
    const answer = await process('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { name } } }');
    expect(answer.errors).toEqual([{ message: 'The network subgraph is unavailable: HTTP 503', extensions: { code: 'NETWORK_UNAVAILABLE', reason: 'HTTP 503' } }]);
  });
});
