import 'reflect-metadata';
import type { RunningNetwork } from '../../scripts/run-network';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import type { SchemaRevision } from '../../shared/server/federated-schema';
import type { ShardedSubgraphName } from '../../shared/sharded-subgraphs';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { parsePrometheusText } from '../support/prometheus-text';
import { until } from '../support/until';
import { startTestNetwork } from '../support/test-network';

/**
 * A rollout across clusters that upgrade on their own schedule, under load: one deployment serves
 * a field the others do not have yet (`Member.age`), one lacks a field the others serve
 * (`Member.people`), and later one lacks part of the core contract (`Member.founded`). The network
 * serves what every deployment can answer, a field joins once every deployment serves it, and no
 * answer fails but for errors naming the cluster being restarted, or the one left out.
 */
type Revisions = Partial<Record<ShardedSubgraphName, SchemaRevision>>;

const AHEAD: Revisions = {
  members: { typeDefs: 'extend type Member {\n  "Years since the organisation was founded, counted to 2026."\n  age: Int\n}', resolvers: { Member: { age: (member: { founded: number }) => 2026 - member.founded } } },
};
const BEHIND: Revisions = { members: { drop: ['Member.people'] } };
const FAR_BEHIND: Revisions = { members: { drop: ['Member.founded'] } };
const POLL_MS = 1_000;
const ORDINARY = `{ members { totalCount } networkStats { members } }`;
const AGES = `{ members(first: 100) { edges { node { id founded age } } } }`;
const PEOPLE = `{ members(first: 100) { edges { node { id people { name } } } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnBothBackends('clusters on different program versions, upgrading under load', (backend) => {
  let network: RunningNetwork;
  let expectedMembers: number;
  /** When each cluster was restarting or left out: an answer overlapping the window may name it. */
  const windows: Array<{ cluster: string; from: number; to: number }> = [];
  const changing = {
    add: (cluster: string) => void windows.push({ cluster, from: Date.now(), to: Infinity }),
    delete: (cluster: string) => {
      for (const window of windows) if (window.cluster === cluster && window.to === Infinity) window.to = Date.now();
    },
  };
  const answers: Array<{ status: number; answer: GraphQLAnswer; from: number; to: number }> = [];
  const allowedFor = (from: number, to: number) => windows.filter((window) => window.from <= to && window.to >= from).map((window) => window.cluster);
  let loading = true;
  let load: Promise<void>;

  const ask = (query: string) => postGraphQL(network.gatewayUrl, query);
  const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((error) => error.extensions?.code);
  /** Restarts a cluster on another version; its own errors are allowed until it answers whole again. */
  const upgrade = async (id: string, revisions?: Revisions) => {
    changing.add(id);
    await network.restartCluster(id, revisions);
    await until(async () => !(await ask(ORDINARY)).errors, 10_000);
    changing.delete(id);
  };

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_rollout', {
      registryPollMs: POLL_MS,
      breaker: { failureThreshold: 3, openMs: 300 },
      schemaRevisions: { banat: AHEAD, inomar: BEHIND },
    });
    expectedMembers = ((await ask(ORDINARY)).data as { members: { totalCount: number } }).members.totalCount;
    load = Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (loading) {
          const from = Date.now();
          const { status, ...answer } = await ask(ORDINARY);
          answers.push({ status, answer, from, to: Date.now() });
          await sleep(10);
        }
      }),
    ).then(() => undefined);
  }, 120_000);

  afterAll(async () => {
    loading = false;
    await load;
    await network?.close();
  });

  it('serves what every cluster serves, takes a field in once all serve it, and leaves out a cluster behind the core contract', async () => {
    // Before: neither field is the network's; asking for them fails at the gateway, before any cluster.
    for (const query of [AGES, PEOPLE, AGES, AGES]) expect(codes(await ask(query))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const ordinary = await ask(ORDINARY);
    expect(ordinary).toEqual({ status: 200, data: { members: { totalCount: expectedMembers }, networkStats: { members: expectedMembers } } });
    expect(network.gateway.shardHealth().map((shard) => shard.state)).toEqual(FOUNDING_CLUSTERS.map(() => 'closed'));

    // The cluster behind catches up: the field it lacked is the network's again.
    let upgradedAt = Date.now();
    await upgrade('inomar');
    const peopleAfterMs = await until(async () => !(await ask(PEOPLE)).errors, POLL_MS + 5_000);
    console.log(`[rollout ${backend.kind}] Member.people network-wide ${Date.now() - upgradedAt} ms after the last cluster served it (${peopleAfterMs} ms after it answered)`);
    const people = (await ask(PEOPLE)).data as { members: { edges: Array<{ node: { people: unknown[] } }> } };
    expect(people.members.edges.every((edge) => Array.isArray(edge.node.people))).toBe(true);

    // Every other cluster upgrades to the version with `age`; until the last one has, it is not the network's.
    const rest = FOUNDING_CLUSTERS.map((cluster) => cluster.id).filter((id) => id !== 'banat');
    for (const id of rest.slice(0, -1)) await upgrade(id, AHEAD);
    await sleep(POLL_MS + 500);
    expect(codes(await ask(AGES))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    upgradedAt = Date.now();
    await upgrade(rest.at(-1)!, AHEAD);
    await until(async () => !(await ask(AGES)).errors, POLL_MS + 5_000);
    console.log(`[rollout ${backend.kind}] Member.age network-wide ${Date.now() - upgradedAt} ms after the last cluster served it`);
    const ages = (await ask(AGES)).data as { members: { edges: Array<{ node: { founded: number; age: number } }> } };
    expect(ages.members.edges.length).toBe(100);
    for (const { node } of ages.members.edges) expect(node.age).toBe(2026 - node.founded);

    // A deployment behind the core contract is left out, named; the contract stays whole for the rest.
    changing.add('banat');
    await network.restartCluster('banat', FAR_BEHIND);
    await until(async () => network.gateway.shardHealth().find((shard) => shard.cluster === 'banat')?.excludedFromSchema !== null, POLL_MS + 5_000);
    const without = await ask(`{ members { totalCount } member(id: "transilvania:1") { founded } }`);
    expect(without.data).toEqual({ members: { totalCount: expectedMembers - (await banatMembers()) }, member: { founded: expect.any(Number) } });
    expect(without.errors?.map((error) => [error.extensions?.code, error.extensions?.cluster])).toEqual([['CLUSTER_SCHEMA_MISMATCH', 'banat']]);
    const health = (await (await fetch(network.gatewayUrl.replace(/\/graphql$/, '/health'))).json()) as { shards: Array<{ cluster: string; excludedFromSchema: string | null }> };
    expect(health.shards.find((shard) => shard.cluster === 'banat')!.excludedFromSchema).toMatch(/core contract: Member\.founded/);
    const metrics = parsePrometheusText(await (await fetch(network.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text());
    expect(metrics.find((sample) => sample.name === 'itro_shard_schema_excluded' && sample.labels.cluster === 'banat')?.value).toBe(1);
    // Left out, it is asked nothing: its breaker hears nothing (it may still be half-open from the restart).
    const banatHealth = () => network.gateway.shardHealth().find((shard) => shard.cluster === 'banat')!;
    const before = banatHealth();
    for (let round = 0; round < 5; round += 1) {
      const named = (await ask(ORDINARY)).errors?.map((error) => [error.extensions?.code, error.extensions?.cluster]) ?? [];
      expect(named.length).toBeGreaterThan(0);
      expect(new Set(named.map((pair) => pair.join(' ')))).toEqual(new Set(['CLUSTER_SCHEMA_MISMATCH banat']));
    }
    expect([banatHealth().state, banatHealth().lastFailure, banatHealth().lastLatencyMs]).toEqual([before.state, before.lastFailure, before.lastLatencyMs]);
    await upgrade('banat', AHEAD);
    changing.add('banat');
    await until(async () => network.gateway.shardHealth().every((shard) => shard.excludedFromSchema === null) && !(await ask(AGES)).errors, POLL_MS + 5_000);
    changing.delete('banat');

    loading = false;
    await load;
    const failed = answers.filter(({ status, answer, from, to }) => status !== 200 || !answer.data || (answer.errors ?? []).some((error) => !allowedFor(from, to).includes(String(error.extensions?.cluster))));
    console.log(`[rollout ${backend.kind}] ${answers.length} ordinary requests during the rollout, ${failed.length} failed, ${answers.filter((entry) => entry.answer.errors).length} with errors naming the cluster restarting or left out`);
    expect(failed.slice(0, 3).map(({ status, answer }) => ({ status, errors: answer.errors }))).toEqual([]);
  }, 240_000);

  /** Banat's members, counted on its own database. */
  async function banatMembers(): Promise<number> {
    const banat = network.clusters.find((cluster) => cluster.id === 'banat')!;
    const [row] = (await banat.dataSource.query('SELECT COUNT(*) AS n FROM members')) as Array<{ n: number | string }>;
    return Number(row!.n);
  }
});
