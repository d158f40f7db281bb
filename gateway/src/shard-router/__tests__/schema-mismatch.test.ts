import type { ShardResult, ShardTransport } from '../send';
import { ShardClient, validationFailure } from '../shard-client';
import type { Shard } from '../shard-set';

const behind: Shard = { name: 'banat', clusterIds: ['banat'], baseUrl: 'http://banat.example', timeoutMs: 1000, suspended: false };
const invalid = { errors: [{ message: 'Cannot query field "founded" on type "Member".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };

describe('a shard that refuses the gateway\'s document as invalid for its schema', () => {
  const transport: ShardTransport = async (shard) => ({ ok: true, shard, body: invalid }) satisfies ShardResult;

  it('is a schema mismatch, not a failure: never retried, never opening its circuit', async () => {
    let sent = 0;
    const counting: ShardTransport = (shard, ...rest) => ((sent += 1), transport(shard, ...rest));
    const client = new ShardClient(counting, { breaker: { failureThreshold: 1, openMs: 60_000 }, retryReads: true });
    for (let i = 0; i < 5; i++) {
      const result = await client.send(behind, 'members', { query: '{ members { edges { node { founded } } } }' }, true);
      expect(result).toMatchObject({ ok: false, failure: 'schema-mismatch', reason: 'its schema does not serve this query: Cannot query field "founded" on type "Member".' });
    }
    expect(sent).toBe(5);
    expect(client.health([behind])[0]).toMatchObject({ state: 'closed', lastFailure: null, schemaMismatches: 5 });
  });

  it('on a write, says nothing was applied: GraphQL validates before it runs anything', async () => {
    const client = new ShardClient(transport, { breaker: { failureThreshold: 3, openMs: 1000 }, retryReads: true });
    expect(await client.send(behind, 'members', { query: 'mutation { updateMember { founded } }' }, false)).toMatchObject({ failure: 'schema-mismatch', sent: false });
  });

  it('is told by the code alone, and only when no data came with it', () => {
    expect(validationFailure(invalid)).toBeDefined();
    expect(validationFailure({ data: { members: null }, errors: invalid.errors })).toBeUndefined();
    expect(validationFailure({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] })).toBeUndefined();
  });
});
