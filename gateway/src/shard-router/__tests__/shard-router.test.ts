import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { executeSync, parse } from 'graphql';
import { decodeCursor, encodeCursor } from '../../../../shared/cursor';
import { DEFAULT_BREAKER } from '../circuit-breaker';
import { unavailable, type GraphQLResponseBody, type ShardRequest, type ShardTransport } from '../send';
import { ShardClient } from '../shard-client';
import { ShardRouter } from '../shard-router';
import { compileShardRules } from '../shard-rules';
import { ShardSet } from '../shard-set';
import { SHARD_DIRECTIVE_SDL } from '../../../../shared/shard-directive';
import { FEDERATION_LINK } from '../../../../shared/server/federated-schema';

const SDL = `
${FEDERATION_LINK}
${SHARD_DIRECTIVE_SDL}
type MemberEdge { cursor: String! node: Member! }
type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
type Query {
  members(first: Int, after: String, clusters: [ID!]): MemberConnection! @shard(route: "all", merge: "connection")
  member(id: ID!): Member @shard(route: "id", arg: "id")
  networkStats(clusters: [ID!]): NetworkStats! @shard(route: "all", merge: "object")
}
type Mutation {
  renameMember(id: ID!, name: String!): Member @shard(route: "id", arg: "id")
}
type Member @key(fields: "id") @shard(route: "id", arg: "id") { id: ID! name: String! }
type NetworkStats { members: Int! @shard(merge: "sum") employees: Int! @shard(merge: "sum") average: Float @shard(merge: "average", sum: "employees", count: "members") }
`;

const rules = compileShardRules('members', SDL);
const CLUSTERS = ['alpha', 'beta', 'gamma'];

/** What a fake shard answers: a GraphQL body, or a failure on the way. */
type Handler = (cluster: string, request: ShardRequest) => GraphQLResponseBody | 'refused' | 'timeout' | 'http 503';

/** A network of fake shards: each call is recorded, and `handler` decides what the shard answers. */
function network(handler: Handler, breaker = DEFAULT_BREAKER, clock = { now: 0 }) {
  const calls: Array<{ cluster: string; query: string; variables: Record<string, unknown>; headers: Record<string, string> }> = [];
  const transport: ShardTransport = async (shard, _subgraph, request, headers) => {
    calls.push({ cluster: shard.name, query: request.query, variables: request.variables ?? {}, headers });
    const answer = handler(shard.name, request);
    // A refused connection never carried the request; the other failures happen after it was sent.
    if (answer === 'refused') return unavailable(shard, 'connection refused', false);
    if (answer === 'timeout') return unavailable(shard, 'timed out after 100 ms');
    if (answer === 'http 503') return unavailable(shard, 'HTTP 503');
    return { ok: true, shard, body: answer };
  };
  const shards = new ShardSet(CLUSTERS.map((id) => ({ id, url: `http://${id}.test` })), 100);
  const client = new ShardClient(transport, { breaker, retryReads: true }, () => clock.now);
  const router = new ShardRouter('members', rules, shards, client, async () => 'assertion');
  const ask = async (query: string, variables: Record<string, unknown> = {}, context: Record<string, unknown> = {}) =>
    (await router.process({ kind: 'incoming operation', request: { query, variables }, context } as unknown as GraphQLDataSourceProcessOptions)) as GraphQLResponseBody;
  return { calls, ask, client, shards };
}

const stats = (members: number, employees: number): GraphQLResponseBody => ({
  data: { networkStats: { members, employees, average: employees / members, __sr_sum_average: employees, __sr_count_average: members } },
});

const STATS_QUERY = '{ networkStats { members average } }';

// Skewed on purpose: alpha holds most of the first rows in name order.
const rows: Record<string, string[]> = {
  alpha: Array.from({ length: 30 }, (_, i) => `a${String(i).padStart(2, '0')}`),
  beta: ['b1', 'm1', 'z1'],
  gamma: ['c1', 'n1', 'z2'],
};

/** Shards answering keyset pages of `rows` by name; `lie` may change what one sends for a request. */
function keysetShards(lie: (cluster: string, answer: GraphQLResponseBody, call: number) => GraphQLResponseBody = (_c, answer) => answer): Handler {
  let calls = 0;
  const keyset = (cluster: string, first: number, after: string | null) => {
    const ordered = rows[cluster]!.map((name, i) => ({ name, cursor: encodeCursor({ order: 'NAME:ASC', value: name, clusterId: cluster, localId: i + 1 }) }));
    const from = after ? ordered.filter((row) => row.name > String(decodeCursor(after, 'NAME:ASC').value)) : ordered;
    const page = from.slice(0, first);
    return {
      totalCount: ordered.length,
      edges: page.map((row) => ({ cursor: row.cursor, node: { id: `${cluster}:${rows[cluster]!.indexOf(row.name) + 1}`, name: row.name } })),
      pageInfo: { hasNextPage: from.length > first, hasPreviousPage: false, startCursor: page[0]?.cursor ?? null, endCursor: page.at(-1)?.cursor ?? null },
    };
  };
  return (cluster, request) => {
    const result = executeSync({
      schema: rules.schema,
      document: parse(request.query),
      variableValues: request.variables,
      rootValue: { members: (args: { first: number; after: string | null }) => keyset(cluster, args.first, args.after) },
    });
    return lie(cluster, result as GraphQLResponseBody, calls++);
  };
}

describe('ShardRouter', () => {
  it('averages from the shards\u2019 sums and counts, never from their averages', async () => {
    const { ask, calls } = network((cluster) => (cluster === 'alpha' ? stats(1, 1000) : stats(9, 90)));
    const answer = await ask(STATS_QUERY);
    // (1000 + 90 + 90) / (1 + 9 + 9); the average of averages would be (1000 + 10 + 10) / 3.
    expect(answer).toEqual({ data: { networkStats: { members: 19, average: 1180 / 19 } } });
    expect(calls[0]!.query).toContain('__sr_sum_average: employees');
    expect(calls[0]!.query).toContain('__sr_count_average: members');
  });

  it('answers with the others\u2019 data and one CLUSTER_UNAVAILABLE per failed shard', async () => {
    const { ask } = network((cluster) => (cluster === 'beta' ? 'refused' : stats(2, 20)));
    const answer = await ask(STATS_QUERY);
    expect(answer.data).toEqual({ networkStats: { members: 4, average: 10 } });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['networkStats'], extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'beta', reason: 'connection refused' } }),
    ]);
  });

  it('treats a shard\u2019s internal GraphQL error as its failure, and a caller\u2019s mistake as the caller\u2019s', async () => {
    const internal = network((cluster) =>
      cluster === 'gamma' ? { data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : stats(1, 5),
    );
    const failed = await internal.ask(STATS_QUERY);
    expect(failed.data).toEqual({ networkStats: { members: 2, average: 5 } });
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: 'gamma', reason: 'GraphQL error INTERNAL_SERVER_ERROR: Internal server error' });

    const badInput = network(() => ({ data: null, errors: [{ message: 'first must be between 0 and 100', path: ['networkStats'], extensions: { code: 'BAD_USER_INPUT' } }] }));
    const refused = await badInput.ask(STATS_QUERY);
    // Three shards, one error: the same caller mistake is reported once.
    expect(refused.errors).toEqual([{ message: 'first must be between 0 and 100', path: ['networkStats'], extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(badInput.client.health(badInput.shards.shards).map((shard) => shard.state)).toEqual(['closed', 'closed', 'closed']);
  });

  it('retries a read once after a failure on the way, but not after a timeout', async () => {
    let betaCalls = 0;
    const flaky = network((cluster) => (cluster === 'beta' && ++betaCalls === 1 ? 'http 503' : stats(1, 1)));
    expect((await flaky.ask(STATS_QUERY)).errors).toBeUndefined();
    expect(flaky.calls.filter((call) => call.cluster === 'beta')).toHaveLength(2);

    const slow = network((cluster) => (cluster === 'beta' ? 'timeout' : stats(1, 1)));
    expect((await slow.ask(STATS_QUERY)).errors![0]!.extensions).toMatchObject({ cluster: 'beta', reason: 'timed out after 100 ms' });
    expect(slow.calls.filter((call) => call.cluster === 'beta')).toHaveLength(1);
  });

  it('sends a mutation to the one shard that owns the id, and never twice', async () => {
    const { ask, calls } = network(() => 'http 503');
    const answer = await ask('mutation Rename($id: ID!) { renameMember(id: $id, name: "Nou") { id name } }', { id: 'gamma:7' });
    expect(calls.map((call) => call.cluster)).toEqual(['gamma']);
    expect(answer.data).toEqual({ renameMember: null });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: 'gamma', reason: 'HTTP 503' });
  });

  it('says a failed mutation\u2019s outcome: unknown once it may have been sent, not applied when it never was; a read says none', async () => {
    const failing = (answer: 'refused' | 'timeout' | 'http 503') => network(() => answer);
    const mutate = async (answer: 'refused' | 'timeout' | 'http 503') =>
      (await failing(answer).ask('mutation { renameMember(id: "gamma:7", name: "Nou") { id } }')).errors![0]!.extensions;
    expect(await mutate('refused')).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', outcome: 'not-applied' });
    expect(await mutate('timeout')).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', outcome: 'unknown' });
    expect(await mutate('http 503')).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', outcome: 'unknown' });
    // An answer refused for what it holds came from a shard that got the write.
    const liar = network(() => ({ data: { renameMember: { id: 'alpha:7', name: 'Nou' } } }));
    expect((await liar.ask('mutation { renameMember(id: "gamma:7", name: "Nou") { id name } }')).errors![0]!.extensions).toMatchObject({ code: 'CLUSTER_MISBEHAVED', outcome: 'unknown' });
    // An open circuit sends nothing.
    const open = network(() => 'http 503', { failureThreshold: 1, openMs: 60_000 });
    await open.ask(STATS_QUERY);
    const sent = open.calls.length;
    expect((await open.ask('mutation { renameMember(id: "gamma:7", name: "Nou") { id } }')).errors![0]!.extensions).toMatchObject({ outcome: 'not-applied', reason: expect.stringMatching(/^circuit open/) });
    expect(open.calls).toHaveLength(sent);
    expect((await failing('timeout').ask(STATS_QUERY)).errors!.every((error) => !('outcome' in error.extensions!))).toBe(true);
  });

  it('hands the caller\u2019s Idempotency-Key on with a mutation only', async () => {
    const { ask, calls } = network((cluster) => (cluster === 'gamma' ? { data: { renameMember: { id: 'gamma:7', name: 'Nou' } } } : stats(1, 1)));
    const context = { authorization: 'Bearer t', idempotencyKey: 'retry-0001' };
    await ask('mutation { renameMember(id: "gamma:7", name: "Nou") { id name } }', {}, context);
    expect(calls.map((call) => call.headers['idempotency-key'])).toEqual(['retry-0001']);
    await ask(STATS_QUERY, {}, context);
    expect(calls.slice(1).map((call) => call.headers['idempotency-key'])).toEqual([undefined, undefined, undefined]);
    expect(calls.every((call) => call.headers.authorization === 'Bearer t')).toBe(true);
  });

  it('refuses a mutation on an unknown cluster before sending anything', async () => {
    const { ask, calls } = network(() => stats(1, 1));
    const answer = await ask('mutation { renameMember(id: "delta:1", name: "X") { id } }');
    expect(calls).toHaveLength(0);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', cluster: 'delta' });
  });

  it('opens a shard\u2019s circuit after repeated failures, then lets one probe through', async () => {
    const clock = { now: 0 };
    let betaUp = false;
    const { ask, calls, client, shards } = network((cluster) => (cluster === 'beta' && !betaUp ? 'refused' : stats(1, 1)), { failureThreshold: 2, openMs: 1000 }, clock);
    const betaCalls = () => calls.filter((call) => call.cluster === 'beta').length;
    await ask(STATS_QUERY); // two attempts (one retry): two failures in a row
    expect(betaCalls()).toBe(2);
    const state = () => client.health(shards.shards).find((shard) => shard.cluster === 'beta')!.state;
    expect(state()).toBe('open');

    const whileOpen = await ask(STATS_QUERY);
    expect(betaCalls()).toBe(2); // no request, no timeout to wait for
    expect(String(whileOpen.errors![0]!.extensions!.reason)).toMatch(/^circuit open after 2 failures in a row \(last: connection refused\)/);
    expect(whileOpen.data).toEqual({ networkStats: { members: 2, average: 1 } });

    clock.now = 1000;
    expect(state()).toBe('half-open');
    await ask(STATS_QUERY); // the probe fails: open again, and a probe is never retried
    expect(betaCalls()).toBe(3);
    expect(state()).toBe('open');

    clock.now = 2000;
    betaUp = true;
    expect((await ask(STATS_QUERY)).errors).toBeUndefined();
    expect(state()).toBe('closed');
  });

  it('splits entity representations by shard and puts answers and error paths back in order', async () => {
    const { ask, calls } = network((cluster, request) => {
      const representations = request.variables!.representations as Array<{ id: string }>;
      return {
        data: { _entities: representations.map((r) => (r.id.endsWith(':404') ? null : { id: r.id, name: `${cluster} ${r.id}` })) },
        errors: representations.flatMap((r, index) => (r.id.endsWith(':404') ? [{ message: 'no such member', path: ['_entities', index], extensions: { code: 'NOT_FOUND' } }] : [])),
      };
    });
    const representations = ['beta:1', 'alpha:2', 'beta:404', 'gamma:3', 'alpha:4'].map((id) => ({ __typename: 'Member', id }));
    const answer = await ask('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { id name } } }', { representations });
    expect(answer.data!._entities).toEqual([
      { id: 'beta:1', name: 'beta beta:1' },
      { id: 'alpha:2', name: 'alpha alpha:2' },
      null,
      { id: 'gamma:3', name: 'gamma gamma:3' },
      { id: 'alpha:4', name: 'alpha alpha:4' },
    ]);
    expect(answer.errors).toEqual([{ message: 'no such member', path: ['_entities', 2], extensions: { code: 'NOT_FOUND' } }]);
    expect(calls.map((call) => [call.cluster, (call.variables.representations as Array<{ id: string }>).map((r) => r.id)])).toEqual([
      ['beta', ['beta:1', 'beta:404']],
      ['alpha', ['alpha:2', 'alpha:4']],
      ['gamma', ['gamma:3']],
    ]);
  });

  it('asks each shard for its share of a page, then a short shard for the rest, and pages as one list would', async () => {
    const { ask, calls } = network(keysetShards());
    const everyone = Object.entries(rows)
      .flatMap(([cluster, names]) => names.map((name, i) => ({ name, id: `${cluster}:${i + 1}` })))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((row) => row.id);
    const query = 'query($after: String) { members(first: 12, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const answer = await ask(query, { after });
      const members = (answer.data as { members: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }).members;
      expect(members.totalCount).toBe(36);
      seen.push(...members.edges.map((edge) => edge.node.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen).toEqual(everyone);
    const asked = calls.map((call) => [call.cluster, call.variables.__sr_first_0]);
    // The first page: no row counts known yet, so each shard is taken to hold a third of the page
    // (4 rows): asked for 7, enough for Poisson(4) but once in 12; then alpha, which has them all, for the other 5.
    expect(asked.slice(0, 4)).toEqual([
      ['alpha', 7],
      ['beta', 7],
      ['gamma', 7],
      ['alpha', 5],
    ]);
    expect(decodeCursor(String(calls[3]!.variables.__sr_after_0), 'NAME:ASC').value).toBe('a06');
    // The second page: the first page's rows (all 12 alpha's) size the shares, and no shard runs short.
    expect(asked.slice(4, 7)).toEqual([
      ['alpha', 12],
      ['beta', 1],
      ['gamma', 1],
    ]);
  });

  it('drops a shard whose further rows are refused from the whole page, its count too, and names it', async () => {
    // alpha answers its first share truthfully, then sends beta's cursors for the rest of the page.
    const { ask, calls } = network(
      keysetShards((cluster, answer, call) => {
        if (cluster !== 'alpha' || call < 3) return answer;
        const members = (answer.data as { members: { __sr_edges: Array<{ __sr_cursor: string }> } }).members;
        for (const edge of members.__sr_edges) edge.__sr_cursor = encodeCursor({ ...decodeCursor(edge.__sr_cursor, 'NAME:ASC'), clusterId: 'beta' });
        return answer;
      }),
    );
    const answer = await ask('{ members(first: 12) { totalCount edges { node { id } } } }');
    expect(calls.map((call) => call.cluster)).toEqual(['alpha', 'beta', 'gamma', 'alpha']);
    const members = (answer.data as { members: { totalCount: number; edges: Array<{ node: { id: string } }> } }).members;
    expect(members.totalCount).toBe(6);
    expect(members.edges.map((edge) => edge.node.id)).toEqual(['beta:1', 'gamma:1', 'beta:2', 'gamma:2', 'beta:3', 'gamma:3']);
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['members'], extensions: { code: 'CLUSTER_MISBEHAVED', cluster: 'alpha', reason: "a cursor of another cluster's row (beta:8) at members.__sr_edges.0.__sr_cursor" } }),
    ]);
  });

  it('refuses a shard answer naming another cluster\u2019s row, and keeps the rest', async () => {
    const { ask, client, shards } = network((cluster) => ({ data: { member: { id: cluster === 'beta' ? 'alpha:1' : `${cluster}:1`, name: 'x' } } }));
    const answer = await ask('{ member(id: "beta:1") { id name } }');
    expect(answer.data).toEqual({ member: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['member'], extensions: { code: 'CLUSTER_MISBEHAVED', cluster: 'beta', reason: 'Member "alpha:1" is another cluster\'s at member.id' } }),
    ]);
    // Recorded for /health, but a refusal opens no circuit.
    expect(client.health(shards.shards).find((shard) => shard.cluster === 'beta')).toMatchObject({ state: 'closed', misbehaviours: 1 });
  });
});

