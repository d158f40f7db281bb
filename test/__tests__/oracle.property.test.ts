import fc from 'fast-check';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startNetworkPair, type NetworkPair } from '../support/network-pair';
import { tokenFor } from '../support/test-network';
import { consortiumCalls, partnerWalk } from '../support/finder-arbitraries';
import { activityWalk, aggregates, lookups, memberWalk, projectWalk, type GeneratedQuery } from '../support/query-arbitraries';

/**
 * The correctness yardstick: every generated query, walked page by page to its end, must give
 * byte-identical `data` (and the same errors) through the sharded network as through the network
 * whose one shard holds every cluster's rows in one database.
 */

// Cases per run and backend; FAST_CHECK_RUNS scales them for a longer soak.
const scale = Number(process.env.FAST_CHECK_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));

interface Comparison {
  requests: number;
  /** Requests whose answer carried errors: bad input on purpose, or a generator gone wrong. */
  withErrors: number;
}

/** What of an answer must match: the data as bytes, and each error's message, code and path. */
function comparable(answer: GraphQLAnswer & { status: number }): string {
  const errors = (answer.errors ?? []).map((error) => ({ message: error.message, code: error.extensions?.code, path: error.path ?? null }));
  return JSON.stringify({ status: answer.status, data: answer.data ?? null, errors });
}

function connectionAt(data: unknown, path: readonly string[]): { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } | undefined {
  let value = data as Record<string, unknown> | null | undefined;
  for (const key of path) value = value?.[key] as Record<string, unknown> | null | undefined;
  return value ?? undefined;
}

/** Whether an answer holds rows: a root list or connection that is not empty. */
function holdsRows(data: unknown): boolean {
  return Object.values((data ?? {}) as Record<string, unknown>).some((value) =>
    Array.isArray(value) ? value.length > 0 : Array.isArray((value as { edges?: unknown[] } | null)?.edges) && (value as { edges: unknown[] }).edges.length > 0,
  );
}

/** Walks a generated query on both networks; says whether its first page held rows. */
async function compareWalk(pair: NetworkPair, generated: GeneratedQuery, counter: Comparison, token?: string): Promise<boolean> {
  let rows = false;
  let after: string | null = null;
  for (let page = 0; page < generated.maxPages; page++) {
    const variables: Record<string, unknown> = { ...generated.variables, ...(generated.walk ? { after } : {}) };
    const [sharded, oneDatabase]: Array<GraphQLAnswer & { status: number }> = await Promise.all([
      postGraphQL(pair.sharded.gatewayUrl, generated.query, variables, token),
      postGraphQL(pair.oneDatabase.gatewayUrl, generated.query, variables, token),
    ]);
    counter.requests += 1;
    if (oneDatabase.errors) counter.withErrors += 1;
    if (page === 0) rows = holdsRows(oneDatabase.data);
    const expected = comparable(oneDatabase);
    if (comparable(sharded) !== expected) {
      // The assertion prints both sides; the page and the cursor say where the walk diverged.
      expect({ page, after, query: generated.query, variables, answer: JSON.parse(comparable(sharded)) }).toEqual({
        page,
        after,
        query: generated.query,
        variables,
        answer: JSON.parse(expected),
      });
    }
    if (!generated.walk) return rows;
    const pageInfo: { hasNextPage?: boolean; endCursor?: string | null } | undefined = connectionAt(oneDatabase.data, generated.walk)?.pageInfo;
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return rows;
    after = pageInfo.endCursor;
  }
  return rows;
}

describeOnBothBackends('the sharded network answers as one database would', (backend) => {
  let pair: NetworkPair;
  const counter: Comparison = { requests: 0, withErrors: 0 };
  const cases: Record<string, number> = {};
  /** Cases whose first answer held rows, by property: equal empty answers prove little. */
  const withRows: Record<string, number> = {};

  /**
   * Who asks: anonymous mostly, and now and then a caller who sees projects under NDA (a cluster's
   * staff, or the people of an organisation taking part in one), so that what each caller sees is
   * compared too.
   */
  const callers: Array<string | undefined> = [undefined, undefined, undefined];

  beforeAll(async () => {
    pair = await startNetworkPair(backend, 'itro_prop');
    const database = pair.oneDatabase.clusters[0]!.dataSource;
    const participants = (await database.query(
      `SELECT p.cluster_id AS c, p.lead_member_id AS m FROM projects p WHERE p.under_nda = 1
       UNION SELECT pp.member_cluster_id AS c, pp.member_id AS m FROM project_partners pp JOIN projects p ON p.cluster_id = pp.cluster_id AND p.id = pp.project_id WHERE p.under_nda = 1
       ORDER BY c, m LIMIT 4`,
    )) as Array<{ c: string; m: number | string }>;
    expect(participants.length).toBeGreaterThan(0);
    for (const { c, m } of participants) callers.push(await tokenFor({ subject: `oracle@${c}:${m}`, role: 'member', cluster: c, member: `${c}:${Number(m)}` }));
    for (const cluster of ['transilvania', 'banat', 'smart-alliance']) callers.push(await tokenFor({ subject: `oracle@${cluster}`, role: 'cluster-admin', cluster }));
    callers.push(await tokenFor({ subject: 'oracle@analyst', role: 'analyst' }));
  });

  afterAll(async () => {
    await pair?.close();
    // The figures the closing note and the README quote come from this line.
    process.stdout.write(
      `[oracle ${backend.kind}] ${JSON.stringify(cases)} cases (${JSON.stringify(withRows)} of them with rows), ${counter.requests} request pairs compared, ${counter.withErrors} with errors\n`,
    );
  });

  const property = (name: string, arbitrary: fc.Arbitrary<GeneratedQuery>, numRuns: number) =>
    it(`${name} (${runs(numRuns)} generated cases)`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, fc.nat(), async (generated, caller) => {
          cases[name] = (cases[name] ?? 0) + 1;
          if (await compareWalk(pair, generated, counter, callers[caller % callers.length])) withRows[name] = (withRows[name] ?? 0) + 1;
        }),
        { numRuns: runs(numRuns), endOnFailure: true },
      );
    });

  property('member pages walked to the end', memberWalk, 150);
  property('project pages with partners from other clusters', projectWalk, 80);
  property('aggregates and several root fields at once', aggregates, 60);
  property('look-ups by id, good and bad, and a cluster\u2019s own members', lookups, 80);
  property('events, working groups and initiatives walked to the end', activityWalk, 90);
  property('partner searches walked to the end', partnerWalk, 80);
  property('consortia for generated calls', consortiumCalls, 40);

  it('compared mostly answers with data, not only errors', () => {
    // Equal error answers prove little; the generators must mostly produce valid queries.
    expect(counter.requests).toBeGreaterThan(0);
    expect(counter.withErrors / counter.requests).toBeLessThan(0.15);
    // The finder's generated needs and calls mostly find someone.
    expect((withRows['partner searches walked to the end'] ?? 0) / (cases['partner searches walked to the end'] ?? 1)).toBeGreaterThan(0.3);
    expect((withRows['consortia for generated calls'] ?? 0) / (cases['consortia for generated calls'] ?? 1)).toBeGreaterThan(0.2);
  });
});
