import 'reflect-metadata';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import type { RunningNetwork } from '../../scripts/run-network';
import { rowCounts } from '../support/fail-writes';
import { hostileRequest, Random, type HostileRequest } from '../support/hostile-requests';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Hostile requests generated from the schema, against the running network: none may get a 5xx, a
 * stack trace or a driver's words in its answer, take longer than its timeout, or change any
 * database when it was refused. The seed is printed; FUZZ_SEED replays a run.
 */
const REQUESTS_PER_BACKEND = Number(process.env.FUZZ_REQUESTS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** The gateway gives up on a shard after 10 s in test networks; an answer must come well before this. */
const ANSWER_TIMEOUT_MS = 15_000;
const OWN = 'banat';

/** What no answer may contain: stack frames, source paths, and what database drivers say. */
const LEAKS = /\n\s+at [^\n]+:\d+|\.(ts|js):\d+:\d+|node_modules|SQLITE_[A-Z]+|\bER_[A-Z_]{4,}|QueryFailedError|sqlMessage|SQL syntax|no such (table|column)|TypeORM|better-sqlite3|mysql2/;

describeOnBothBackends('fuzz: hostile requests against the running network', (backend) => {
  let network: RunningNetwork;
  let schema: GraphQLSchema;
  const tokens: Record<HostileRequest['caller'], string | undefined> = { anonymous: undefined, analyst: undefined, admin: undefined, 'bad-token': 'eyJhbGciOiJub25lIn0.eyJyb2xlIjoic2VjcmV0YXJpYXQifQ.' };

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_fuzz');
    tokens.analyst = await tokenFor({ subject: 'fuzz@analyst', role: 'analyst' });
    tokens.admin = await tokenFor({ subject: 'fuzz@banat', role: 'cluster-admin', cluster: OWN });
    const introspection = await fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery() }) });
    schema = buildClientSchema(((await introspection.json()) as { data: Parameters<typeof buildClientSchema>[0] }).data);
  });

  afterAll(async () => {
    await network?.close();
  });

  async function allCounts(): Promise<Record<string, Record<string, number>>> {
    const counts: Record<string, Record<string, number>> = { network: await rowCounts(network.networkDataSource) };
    for (const cluster of network.clusters) counts[cluster.id] = await rowCounts(cluster.dataSource);
    return counts;
  }

  it(`answers ${REQUESTS_PER_BACKEND} hostile requests without a 5xx, a leak, a hang or a refused write`, async () => {
    const random = new Random(SEED + (backend.kind === 'mysql' ? 1 : 0));
    const before = await allCounts();
    const kinds: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    const codes: Record<string, number> = {};
    const failures: string[] = [];
    let slowest = 0;
    let writes = 0;
    for (let index = 0; index < REQUESTS_PER_BACKEND; index++) {
      const request = hostileRequest({ schema, random });
      kinds[request.kind] = (kinds[request.kind] ?? 0) + 1;
      const own = request.mutation && request.caller === 'admin' ? await rowCounts(network.clusters.find((cluster) => cluster.id === OWN)!.dataSource) : undefined;
      const started = performance.now();
      const token = tokens[request.caller];
      const response = await fetch(network.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': request.contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: request.body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      const text = await response.text();
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const describe = () => `#${index} ${request.kind} (${request.caller}) ${request.body.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
      if (response.status >= 500) failures.push(`5xx: ${describe()}`);
      if (LEAKS.test(text)) failures.push(`leak: ${describe()}`);
      let answer: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } | undefined;
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        failures.push(`not JSON: ${describe()}`);
      }
      for (const error of (Array.isArray(answer) ? answer.flatMap((item: typeof answer) => item?.errors ?? []) : answer?.errors) ?? []) {
        const code = error.extensions?.code ?? 'none';
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 'none' || code === 'INTERNAL_SERVER_ERROR') failures.push(`error without a caller's code: ${describe()}`);
      }
      if (request.echo) {
        const stored = (answer?.data?.[request.echo.field] as { name?: string } | null | undefined)?.name;
        if (stored !== request.echo.text) failures.push(`stored text changed: ${describe()}`);
      }
      if (own) {
        const wrote = Object.values(answer?.data ?? {}).some((value) => value !== null);
        if (wrote) writes += 1;
        else if (JSON.stringify(await rowCounts(network.clusters.find((cluster) => cluster.id === OWN)!.dataSource)) !== JSON.stringify(own)) failures.push(`refused write changed the database: ${describe()}`);
      }
    }
    console.log(
      `[fuzz ${backend.kind}] seed ${SEED}: ${REQUESTS_PER_BACKEND} requests, slowest ${Math.round(slowest)} ms, ${writes} valid admin writes\n` +
        `  kinds ${JSON.stringify(kinds)}\n  statuses ${JSON.stringify(statuses)}\n  codes ${JSON.stringify(codes)}`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(slowest).toBeLessThan(ANSWER_TIMEOUT_MS);
    // Every request but the admin's valid writes was refused or read only: nothing else changed anywhere.
    const after = await allCounts();
    if (writes === 0) expect(after).toEqual(before);
    else for (const id of Object.keys(before).filter((id) => id !== OWN)) expect([id, after[id]]).toEqual([id, before[id]]);
  }, 600_000);
});
