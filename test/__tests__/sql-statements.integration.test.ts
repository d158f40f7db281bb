import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { httpTransport } from '../../gateway/src';
import type { RunningNetwork } from '../../scripts/run-network';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * No N+1: a page of members with their memberships and fees, representatives, working groups,
 * projects, partners and engagements runs the same SQL statements at 10, 50 and 100 rows on one
 * database, and a bounded number per shard fetch on nine shards.
 */
const PAGE = (first: number) => `{ members(first: ${first}) { edges { node {
  id name
  membership { status votingRight joinedOn fees { year amountEur } }
  representative { name jobTitle }
  workingGroups { name participantCount coordinators { name } }
  projects { id title underNda workingGroup { name } lead { id name } partners { id name cluster { id } } engagements { priority valueEur member { id name } } }
} } } }`;

/** A partner search page with everything a page of matches shows. */
const PARTNERS = (first: number) => `{ partnerSearch(need: { competences: [AI_DATA, CLOUD, CYBERSECURITY], certifications: [ISO_9001], programmes: [PNRR], employees: { min: 10, max: 249 } }, first: ${first}) {
  totalCount edges { node { score matched { areas certifications programmes } member { id name kind region competences { areas } cluster { id shortName } } } }
} }`;

const CONSORTIUM = (first: number) => `{ consortium(first: ${first}, call: { minRegions: 2, roles: [
  { label: "University", kinds: [UNIVERSITY], competences: [AI_DATA] },
  { label: "SMEs", kinds: [SME], competences: [AI_DATA, CYBERSECURITY], count: 2 },
  { label: "Authority", kinds: [PUBLIC_AUTHORITY], competences: [E_GOVERNMENT] }
] }) { score roles { label members { id name kind } } } }`;

describeOnBothBackends('SQL statements per request', (backend) => {
  const counts = { statements: 0, fetches: 0 };
  /** The statements of the last measured request, by their first words, to name any that differ. */
  let seen: string[] = [];
  const networks: Partial<Record<'one-database' | 'sharded', RunningNetwork>> = {};

  beforeAll(async () => {
    for (const topology of ['one-database', 'sharded'] as const) {
      networks[topology] = await startTestNetwork(backend, `itro_sql_${topology === 'sharded' ? 's' : 'o'}`, {
        topology,
        // The gateway's poll probes every deployment's /health, whose SELECT 1 would land among a request's statements.
        registryPollMs: 0,
        onClusterQuery: (_deployment, sql) => {
          counts.statements += 1;
          seen.push(sql.replace(/\s+/g, ' ').replace(/(\?\s*,\s*)+\?/g, '?…').slice(0, 120));
        },
        transport: (shard, subgraph, request, headers) => {
          counts.fetches += 1;
          return httpTransport(shard, subgraph, request, headers);
        },
      });
    }
  });

  afterAll(async () => {
    for (const network of Object.values(networks)) await network?.close();
  });

  /** The statements and shard fetches of one request, asked once before so that caches of the schema and plan are warm. */
  async function statementsOf(network: RunningNetwork, query: string): Promise<{ statements: number; fetches: number; sql: string[]; data: unknown }> {
    const answer = await postGraphQL(network.gatewayUrl, query);
    expect(answer.errors).toBeUndefined();
    counts.statements = 0;
    counts.fetches = 0;
    seen = [];
    const again = await postGraphQL(network.gatewayUrl, query);
    expect(again.errors).toBeUndefined();
    return { ...counts, sql: [...seen].sort(), data: again.data };
  }

  async function measure(network: RunningNetwork, first: number): Promise<{ statements: number; fetches: number; partners: number; sql: string[] }> {
    const measured = await statementsOf(network, PAGE(first));
    const data = measured.data as { members: { edges: Array<{ node: { projects: Array<{ partners: unknown[] }> } }> } };
    const partners = data.members.edges.reduce((sum, edge) => sum + edge.node.projects.reduce((n, p) => n + p.partners.length, 0), 0);
    return { statements: measured.statements, fetches: measured.fetches, partners, sql: measured.sql };
  }

  it('runs the same statements for 10, 50 and 100 members on one database', async () => {
    const [ten, fifty, hundred] = [await measure(networks['one-database']!, 10), await measure(networks['one-database']!, 50), await measure(networks['one-database']!, 100)];
    console.log(`[sql] one database, pages of 10/50/100: ${ten.statements}/${fifty.statements}/${hundred.statements} SQL statements, ${ten.fetches}/${fifty.fetches}/${hundred.fetches} fetches`);
    expect(hundred.partners).toBeGreaterThan(ten.partners * 5);
    // Compared as lists, so that a failure names the statement a page size added.
    expect(fifty.sql).toEqual(ten.sql);
    expect(hundred.sql).toEqual(ten.sql);
    expect(hundred.fetches).toBe(ten.fetches);
  });

  it('runs a bounded number of statements per shard fetch on nine shards, whatever the page size', async () => {
    const oneDatabase = await measure(networks['one-database']!, 100);
    for (const first of [10, 50, 100]) {
      const { statements, fetches } = await measure(networks.sharded!, first);
      console.log(`[sql] 9 shards, page of ${first}: ${fetches} shard fetches, ${statements} SQL statements`);
      // Each shard takes each fetch step at most once (the page, participation, projects, the
      // members they name, the working groups of projects, …) and runs at most the statements the
      // one database runs for the whole page: the count grows with the shards, never the rows.
      expect(fetches).toBeLessThanOrEqual(oneDatabase.fetches * FOUNDING_CLUSTERS.length);
      expect(statements).toBeLessThanOrEqual(oneDatabase.statements * FOUNDING_CLUSTERS.length);
    }
  });

  it('runs the same statements for a partner search page of 10, 50 and 100 matches, on one database and on nine shards', async () => {
    for (const topology of ['one-database', 'sharded'] as const) {
      const [ten, fifty, hundred] = [await statementsOf(networks[topology]!, PARTNERS(10)), await statementsOf(networks[topology]!, PARTNERS(50)), await statementsOf(networks[topology]!, PARTNERS(100))];
      console.log(`[sql] ${topology}, partner search pages of 10/50/100: ${ten.statements}/${fifty.statements}/${hundred.statements} SQL statements, ${ten.fetches}/${fifty.fetches}/${hundred.fetches} fetches`);
      const rows = (measured: { data: unknown }) => (measured.data as { partnerSearch: { edges: unknown[] } }).partnerSearch.edges.length;
      expect(rows(hundred)).toBe(100);
      expect(fifty.sql).toEqual(ten.sql);
      expect(hundred.sql).toEqual(ten.sql);
    }
  });

  it('runs the same statements for one consortium proposal as for five', async () => {
    const one = await statementsOf(networks['one-database']!, CONSORTIUM(1));
    const five = await statementsOf(networks['one-database']!, CONSORTIUM(5));
    console.log(`[sql] one database, consortium of 1/5 proposals: ${one.statements}/${five.statements} SQL statements`);
    expect((five.data as { consortium: unknown[] }).consortium).toHaveLength(5);
    expect(five.sql).toEqual(one.sql);
  });
});
