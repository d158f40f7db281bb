import type { ShardRequest, ShardResult, ShardTransport } from '../send';
import { ShardClient, DEFAULT_SHARD_CLIENT } from '../shard-client';
import type { Shard } from '../shard-set';

const banat: Shard = { name: 'banat', clusterIds: ['banat'], baseUrl: 'http://banat.example', timeoutMs: 1000, suspended: false };
const read: ShardRequest = { query: '{ members(first: 2) { edges { node { id } } } }', variables: { first: 2 } };

/** A transport that holds every request until `release()`, answering each with a fresh body. */
function heldTransport() {
  const sent: Array<{ request: ShardRequest; headers: Record<string, string> }> = [];
  const waiting: Array<() => void> = [];
  const transport: ShardTransport = (shard, _subgraph, request, headers) => {
    sent.push({ request, headers });
    return new Promise<ShardResult>((resolve) => waiting.push(() => resolve({ ok: true, shard, body: { data: { members: { edges: [{ node: { id: 'banat:1' } }] } } } })));
  };
  return { sent, transport, release: () => waiting.splice(0).forEach((answer) => answer()) };
}

describe('identical reads in flight are sent once', () => {
  it('shares one answer among identical reads of one caller, each with a copy of its own', async () => {
    const { sent, transport, release } = heldTransport();
    const client = new ShardClient(transport, DEFAULT_SHARD_CLIENT);
    const answers = [1, 2, 3].map(() => client.send(banat, 'members', read, true, { authorization: 'Bearer a' }));
    release();
    const results = await Promise.all(answers);
    expect(sent).toHaveLength(1);
    for (const result of results) expect(result).toEqual({ ok: true, shard: banat, body: { data: { members: { edges: [{ node: { id: 'banat:1' } }] } } } });
    // The router edits answers as it merges them: no two callers may hold one object.
    const bodies = results.map((result) => (result.ok ? result.body : undefined));
    expect(new Set(bodies).size).toBe(3);
  });

  it('parses each further caller its own copy from the answer as the shard sent it', async () => {
    const body = { data: { members: { edges: [{ node: { id: 'banat:1' } }] } } };
    const transport: ShardTransport = async (shard) => ({ ok: true, shard, body, text: JSON.stringify(body) });
    const client = new ShardClient(transport, DEFAULT_SHARD_CLIENT);
    const results = await Promise.all([1, 2, 3].map(() => client.send(banat, 'members', read, true, {})));
    const bodies = results.map((result) => (result.ok ? result.body : undefined));
    expect(bodies).toEqual([body, body, body]);
    expect(new Set(bodies).size).toBe(3);
  });

  it('sends again once the first answer has come, and never shares between callers, variables or writes', async () => {
    const { sent, transport, release } = heldTransport();
    const client = new ShardClient(transport, DEFAULT_SHARD_CLIENT);
    const first = client.send(banat, 'members', read, true, { authorization: 'Bearer a' });
    const others = [
      client.send(banat, 'members', read, true, { authorization: 'Bearer b' }),
      client.send(banat, 'members', read, true, {}),
      client.send(banat, 'members', { ...read, variables: { first: 3 } }, true, { authorization: 'Bearer a' }),
      client.send(banat, 'projects', read, true, { authorization: 'Bearer a' }),
      client.send({ ...banat, baseUrl: 'http://elsewhere.example' }, 'members', read, true, { authorization: 'Bearer a' }),
      client.send(banat, 'members', { query: 'mutation { x }' }, false, { authorization: 'Bearer a' }),
      client.send(banat, 'members', { query: 'mutation { x }' }, false, { authorization: 'Bearer a' }),
    ];
    expect(sent).toHaveLength(8);
    release();
    await Promise.all([first, ...others]);
    const again = client.send(banat, 'members', read, true, { authorization: 'Bearer a' });
    expect(sent).toHaveLength(9);
    release();
    await again;
  });

  it('sends each read on its own when sharing is off', async () => {
    const { sent, transport, release } = heldTransport();
    const client = new ShardClient(transport, { ...DEFAULT_SHARD_CLIENT, shareReads: false });
    const answers = [1, 2].map(() => client.send(banat, 'members', read, true, {}));
    expect(sent).toHaveLength(2);
    release();
    await Promise.all(answers);
  });
});
