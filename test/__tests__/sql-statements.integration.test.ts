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

  async function measure(network: RunningNetwork, first: number): Promise<{ statements: number; fetches: number; partners: number; sql: string[] }> {
    const answer = await postGraphQL<{ members: { edges: Array<{ node: { projects: Array<{ partners: unknown[] }> } }> } }>(network.gatewayUrl, PAGE(first));
    expect(answer.errors).toBeUndefined();
    counts.statements = 0;
    counts.fetches = 0;
    seen = [];
    const again = await postGraphQL<{ members: { edges: Array<{ node: { projects: Array<{ partners: unknown[] }> } }> } }>(network.gatewayUrl, PAGE(first));
    const partners = again.data!.members.edges.reduce((sum, edge) => sum + edge.node.projects.reduce((n, p) => n + p.partners.length, 0), 0);
    return { ...counts, partners, sql: [...seen].sort() };
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
});
