import 'reflect-metadata';
import type { RunningNetwork } from '../../scripts/run-network';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { regionOfCity } from '../../shared/romania-regions';
import { generateClusterData } from '../../seed/network-data';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * The partner finder through the gateway: scores as documented, computed by each cluster from its
 * own rows and merged across the network; consortia that keep a call's rules.
 */
const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);
const codesOf = (member: { clusterId: string; id: number }, kind: string) =>
  new Set(data.competences.filter((entry) => entry.clusterId === member.clusterId && entry.memberId === member.id && entry.kind === kind).map((entry) => entry.code));

/** The need's score for a member, by the formula PartnerMatch.score documents. */
function expectedScore(member: (typeof data.members)[number], need: { competences: string[]; certifications: string[]; programmes: string[]; employees: { min: number; max: number } }): number {
  const count = (kind: string, asked: string[]) => asked.filter((code) => codesOf(member, kind).has(code)).length;
  const fit = member.employees >= need.employees.min && member.employees <= need.employees.max ? 1 : 0;
  return 1000 * count('AREA', need.competences) + 100 * count('CERTIFICATION', need.certifications) + 10 * count('PROGRAMME', need.programmes) + fit;
}

const MATCH = `query($need: PartnerNeed!, $first: Int, $after: String) {
  partnerSearch(need: $need, first: $first, after: $after) {
    totalCount
    edges { cursor node { score matched { areas certifications programmes } member { id kind region } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface MatchPage {
  partnerSearch: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { score: number; matched: { areas: string[]; certifications: string[]; programmes: string[] }; member: { id: string; kind: string; region: string | null } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describeOnBothBackends('the partner finder through the gateway', (backend) => {
  let network: RunningNetwork;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_partners');
  });

  afterAll(async () => {
    await network?.close();
  });

  it('ranks the members bringing what a need asks by the documented score, walked page by page across the network', async () => {
    const need = { competences: ['AI_DATA', 'CYBERSECURITY'], certifications: ['ISO_27001'], programmes: ['HORIZON_EUROPE'], kinds: ['SME', 'LARGE_ENTERPRISE'], regions: ['NORD_VEST', 'VEST', 'CENTRU', 'BUCURESTI_ILFOV'], employees: { min: 10, max: 249 } };
    const expected = data.members
      .filter((member) => member.membershipStatus !== 'LEFT' && need.kinds.includes(member.kind) && need.regions.includes(regionOfCity(member.city) ?? ''))
      .map((member) => ({ id: `${member.clusterId}:${member.id}`, clusterId: member.clusterId, local: member.id, score: expectedScore(member, need) }))
      .filter((match) => match.score >= 10)
      .sort((a, b) => b.score - a.score || (a.clusterId < b.clusterId ? 1 : a.clusterId > b.clusterId ? -1 : b.local - a.local));
    expect(expected.length).toBeGreaterThan(25);
    const seen: Array<{ id: string; score: number }> = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const answer: { data?: MatchPage | null; errors?: unknown } = await postGraphQL<MatchPage>(network.gatewayUrl, MATCH, { need, first: 10, after });
      expect(answer.errors).toBeUndefined();
      const connection: MatchPage['partnerSearch'] = answer.data!.partnerSearch;
      expect(connection.totalCount).toBe(expected.length);
      for (const { node } of connection.edges) {
        seen.push({ id: node.member.id, score: node.score });
        expect(need.kinds).toContain(node.member.kind);
        // What it brings is what the score counts.
        expect(node.matched.areas.every((code) => need.competences.includes(code))).toBe(true);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map(({ id, score }) => ({ id, score })));
  });

  it('refuses a size range upside down, a cursor of another ordering and a page too large', async () => {
    const upsideDown = await postGraphQL(network.gatewayUrl, MATCH, { need: { competences: ['ERP'], employees: { min: 50, max: 10 } } });
    expect(upsideDown.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([['BAD_USER_INPUT', 'need.employees.min']]);
    const members = await postGraphQL<{ members: { pageInfo: { endCursor: string } } }>(network.gatewayUrl, '{ members(first: 1) { pageInfo { endCursor } } }');
    const foreign = await postGraphQL(network.gatewayUrl, MATCH, { need: { competences: ['ERP'] }, after: members.data!.members.pageInfo.endCursor });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const large = await postGraphQL(network.gatewayUrl, MATCH, { need: { competences: ['ERP'] }, first: 101 });
    expect(large.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const CALL = `query($call: CallInput!, $first: Int) {
    consortium(call: $call, first: $first) {
      score
      roles { label members { id name kind region cluster { id } competences { areas } } }
      covers { competences regions clusters { id shortName } }
    }
  }`;

  interface ProposalAnswer {
    consortium: Array<{
      score: number;
      roles: Array<{ label: string; members: Array<{ id: string; kind: string; region: string | null; cluster: { id: string }; competences: { areas: string[] } }> }>;
      covers: { competences: string[]; regions: string[]; clusters: Array<{ id: string }> };
    }>;
  }

  it('proposes consortia for a call that keep its rules: a university, two SMEs with AI and cybersecurity, a public authority, from two regions', async () => {
    const call = {
      roles: [
        { label: 'University', kinds: ['UNIVERSITY'], competences: ['AI_DATA'], programmes: ['HORIZON_EUROPE'] },
        { label: 'SMEs', kinds: ['SME'], competences: ['AI_DATA', 'CYBERSECURITY'], count: 2 },
        { label: 'Public authority', kinds: ['PUBLIC_AUTHORITY'], competences: ['E_GOVERNMENT'] },
      ],
      minRegions: 2,
      maxPerCluster: 2,
    };
    const answer = await postGraphQL<ProposalAnswer>(network.gatewayUrl, CALL, { call, first: 3 });
    expect(answer.errors).toBeUndefined();
    const proposals = answer.data!.consortium;
    expect(proposals).toHaveLength(3);
    const scores = proposals.map((proposal) => proposal.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const proposal of proposals) {
      expect(proposal.roles.map((role) => [role.label, role.members.length])).toEqual([['University', 1], ['SMEs', 2], ['Public authority', 1]]);
      const members = proposal.roles.flatMap((role) => role.members);
      expect(new Set(members.map((member) => member.id)).size).toBe(4);
      expect(proposal.roles[0]!.members[0]!.kind).toBe('UNIVERSITY');
      expect(proposal.roles[1]!.members.every((member) => member.kind === 'SME')).toBe(true);
      expect(proposal.roles[2]!.members[0]!.kind).toBe('PUBLIC_AUTHORITY');
      expect(new Set(members.map((member) => member.region)).size).toBeGreaterThanOrEqual(2);
      const perCluster = new Map<string, number>();
      for (const member of members) perCluster.set(member.cluster.id, (perCluster.get(member.cluster.id) ?? 0) + 1);
      expect(Math.max(...perCluster.values())).toBeLessThanOrEqual(2);
      expect(proposal.covers.regions).toEqual([...new Set(members.map((member) => member.region!))].sort());
      expect(proposal.covers.clusters.map((cluster) => cluster.id)).toEqual([...perCluster.keys()].sort());
    }
    // The same call, asked again, is answered the same: proposals depend on the data alone.
    expect((await postGraphQL<ProposalAnswer>(network.gatewayUrl, CALL, { call, first: 3 })).data).toEqual(answer.data);
  });

  it('refuses a call without roles, with two roles of one label, or asking too many members', async () => {
    const role = { label: 'A', competences: ['ERP'] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ roles: [] }, 'call.roles'],
      [{ roles: [role, role] }, 'call.roles.1.label'],
      [{ roles: [{ ...role, count: 9 }] }, 'call.roles.0.count'],
      [{ roles: [{ ...role, competences: [] }] }, 'call.roles.0.competences'],
      [{ roles: [role], minRegions: 0 }, 'call.minRegions'],
    ];
    for (const [call, field] of cases) {
      const answer = await postGraphQL(network.gatewayUrl, CALL, { call });
      expect([field, answer.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])]).toEqual([field, [['BAD_USER_INPUT', field]]]);
    }
  });
});
