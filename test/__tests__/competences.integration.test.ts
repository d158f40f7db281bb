import 'reflect-metadata';
import type { RunningNetwork } from '../../scripts/run-network';
import { COMPETENCE_AREA_CODES, type CompetenceKind } from '../../shared/competences';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { regionOfCity } from '../../shared/romania-regions';
import { generateClusterData } from '../../seed/network-data';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Members' competences: seeded consistently with what each member is, read and filtered across the
 * network, counted by area, and set by the member's own people or its cluster's staff only.
 */
const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);
const COMPANY_KINDS = ['STARTUP', 'SME', 'LARGE_ENTERPRISE'];

/** Each member's entries of one list, by `<cluster>:<id>`. */
function entries(kind: CompetenceKind): Map<string, Set<string>> {
  const byMember = new Map<string, Set<string>>();
  for (const entry of data.competences) {
    if (entry.kind !== kind) continue;
    const key = `${entry.clusterId}:${entry.memberId}`;
    byMember.set(key, (byMember.get(key) ?? new Set()).add(entry.code));
  }
  return byMember;
}

const AREAS = entries('AREA');
const CERTIFICATIONS = entries('CERTIFICATION');
const PROGRAMMES = entries('PROGRAMME');
const has = (lists: Map<string, Set<string>>, member: { clusterId: string; id: number }, code: string) => lists.get(`${member.clusterId}:${member.id}`)?.has(code) ?? false;
const share = (members: typeof data.members, test: (member: (typeof data.members)[number]) => boolean) => members.filter(test).length / Math.max(1, members.length);

describe('the seeded competences', () => {
  const ofKind = (kind: string) => data.members.filter((member) => member.kind === kind);

  it('give every member at least one competence area, and only codes of the controlled lists', () => {
    expect(data.members.every((member) => (AREAS.get(`${member.clusterId}:${member.id}`)?.size ?? 0) >= 1)).toBe(true);
    expect(data.competences.filter((entry) => entry.kind === 'AREA').every((entry) => (COMPETENCE_AREA_CODES as string[]).includes(entry.code))).toBe(true);
  });

  it('follow each member\u2019s kind and size: certifications with size, TISAX only with automotive work, universities in Horizon Europe', () => {
    const large = ofKind('LARGE_ENTERPRISE');
    const startups = ofKind('STARTUP');
    expect(share(large, (member) => has(CERTIFICATIONS, member, 'ISO_9001'))).toBeGreaterThan(share(startups, (member) => has(CERTIFICATIONS, member, 'ISO_9001')) + 0.3);
    for (const member of data.members) if (has(CERTIFICATIONS, member, 'TISAX')) expect([member.name, has(AREAS, member, 'EMBEDDED_AUTOMOTIVE')]).toEqual([member.name, true]);
    expect(share(ofKind('UNIVERSITY'), (member) => has(PROGRAMMES, member, 'HORIZON_EUROPE'))).toBeGreaterThan(0.6);
    expect(share(ofKind('PUBLIC_AUTHORITY'), (member) => has(AREAS, member, 'E_GOVERNMENT') || has(AREAS, member, 'SMART_CITY'))).toBe(1);
    // Working groups are joined for what a member does: members of a cybersecurity group have that competence more often than the rest.
    const cyberGroups = new Set(data.activity.workingGroups.filter((group) => group.name === 'Cybersecurity').map((group) => `${group.clusterId}:${group.id}`));
    const inCyber = new Set(data.activity.workingGroupMembers.filter((entry) => cyberGroups.has(`${entry.clusterId}:${entry.workingGroupId}`)).map((entry) => `${entry.clusterId}:${entry.memberId}`));
    const joined = data.members.filter((member) => inCyber.has(`${member.clusterId}:${member.id}`));
    const others = data.members.filter((member) => !inCyber.has(`${member.clusterId}:${member.id}`));
    expect(joined.length).toBeGreaterThan(10);
    expect(share(joined, (member) => has(AREAS, member, 'CYBERSECURITY'))).toBeGreaterThan(share(others, (member) => has(AREAS, member, 'CYBERSECURITY')) + 0.3);
  });
});

describeOnBothBackends('members\u2019 competences through the gateway', (backend) => {
  let network: RunningNetwork;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_competence');
  });

  afterAll(async () => {
    await network?.close();
  });

  it('filters the network\u2019s members by competences, certifications, programmes and regions, as the seed says', async () => {
    const filter = { competences: ['AI_DATA', 'CLOUD'], certifications: ['ISO_9001'], regions: ['NORD_VEST', 'VEST', 'CENTRU'] };
    const expected = data.members
      .filter((member) => has(AREAS, member, 'AI_DATA') && has(AREAS, member, 'CLOUD') && has(CERTIFICATIONS, member, 'ISO_9001'))
      .filter((member) => ['NORD_VEST', 'VEST', 'CENTRU'].includes(regionOfCity(member.city) ?? ''));
    expect(expected.length).toBeGreaterThan(3);
    const answer = await postGraphQL<{ members: { totalCount: number; edges: Array<{ node: { id: string; region: string; competences: { areas: string[]; certifications: string[] } } }> } }>(
      network.gatewayUrl,
      'query($filter: MemberFilter) { members(filter: $filter, first: 100) { totalCount edges { node { id region competences { areas certifications programmes } } } } }',
      { filter },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.members.totalCount).toBe(expected.length);
    expect(answer.data!.members.edges.map((edge) => edge.node.id).sort()).toEqual(expected.map((member) => `${member.clusterId}:${member.id}`).sort());
    for (const { node } of answer.data!.members.edges) {
      expect(node.competences.areas).toEqual(expect.arrayContaining(['AI_DATA', 'CLOUD']));
      expect(node.competences.certifications).toContain('ISO_9001');
      expect(['NORD_VEST', 'VEST', 'CENTRU']).toContain(node.region);
    }
    const none = await postGraphQL<{ members: { totalCount: number } }>(network.gatewayUrl, '{ members(filter: { regions: [] }) { totalCount } }');
    expect(none.data!.members.totalCount).toBe(0);
  });

  it('counts members, companies and their employees by competence area, every area in the enum\u2019s order', async () => {
    const answer = await postGraphQL<{ networkStats: { byCompetence: Array<{ area: string; members: number; companies: number; employees: number }> } }>(
      network.gatewayUrl,
      '{ networkStats { byCompetence { area members companies employees } } }',
    );
    expect(answer.errors).toBeUndefined();
    const expected = COMPETENCE_AREA_CODES.map((area) => {
      const members = data.members.filter((member) => has(AREAS, member, area));
      const companies = members.filter((member) => COMPANY_KINDS.includes(member.kind));
      return { area, members: members.length, companies: companies.length, employees: companies.reduce((sum, member) => sum + member.employees, 0) };
    });
    expect(answer.data!.networkStats.byCompetence).toEqual(expected);
    expect(expected.every((entry) => entry.members > 0)).toBe(true);
  });

  it('counts them by cluster too, for the competence table and the map', async () => {
    const answer = await postGraphQL<{ networkStats: { byCluster: Array<{ cluster: { id: string }; byCompetence: Array<{ area: string; members: number }> }> } }>(
      network.gatewayUrl,
      '{ networkStats(kinds: [SME, STARTUP]) { byCluster { cluster { id } byCompetence { area members } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const rows = answer.data!.networkStats.byCluster;
    expect(rows.map((row) => row.cluster.id)).toEqual(FOUNDING_CLUSTERS.map((cluster) => cluster.id).sort());
    for (const row of rows) {
      const members = data.members.filter((member) => member.clusterId === row.cluster.id && ['SME', 'STARTUP'].includes(member.kind));
      expect(row.byCompetence).toEqual(COMPETENCE_AREA_CODES.map((area) => ({ area, members: members.filter((member) => has(AREAS, member, area)).length })));
    }
  });

  describe('setMemberCompetences', () => {
    const SET = 'mutation($input: SetMemberCompetencesInput!) { setMemberCompetences(input: $input) { id competences { areas certifications programmes } } }';
    const member = data.members.find((candidate) => candidate.clusterId === 'banat' && candidate.membershipStatus === 'ACTIVE')!;
    const memberId = `banat:${member.id}`;
    const other = data.members.find((candidate) => candidate.clusterId === 'banat' && candidate.id !== member.id && candidate.membershipStatus === 'ACTIVE')!;

    it('lets the member\u2019s own people set its lists, in the enum\u2019s order, and leaves a list not given as it was, audited', async () => {
      const token = await tokenFor({ subject: 'ana@member', role: 'member', cluster: 'banat', member: memberId });
      const before = data.competences.filter((entry) => entry.clusterId === 'banat' && entry.memberId === member.id && entry.kind === 'PROGRAMME').map((entry) => entry.code);
      const answer = await postGraphQL<{ setMemberCompetences: { competences: { areas: string[]; certifications: string[]; programmes: string[] } } }>(
        network.gatewayUrl,
        SET,
        { input: { memberId, areas: ['SMART_CITY', 'AI_DATA', 'AI_DATA'], certifications: [] } },
        token,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.setMemberCompetences.competences).toEqual({ areas: ['AI_DATA', 'SMART_CITY'], certifications: [], programmes: before });
      const found = await postGraphQL<{ members: { edges: Array<{ node: { id: string } }> } }>(network.gatewayUrl, '{ members(clusters: ["banat"], filter: { competences: [SMART_CITY, AI_DATA] }, first: 100) { edges { node { id } } } }');
      expect(found.data!.members.edges.map((edge) => edge.node.id)).toContain(memberId);
      const own = network.clusters.find((cluster) => cluster.id === 'banat')!.dataSource;
      const audited: Array<{ operation: string; object_id: string }> = await own.query("SELECT operation, object_id FROM audit_log WHERE operation = 'setMemberCompetences'");
      expect(audited.map((row) => [row.operation, row.object_id])).toEqual([['setMemberCompetences', memberId]]);
    });

    it('lets the cluster\u2019s staff set them, and refuses another member, another cluster\u2019s staff and analysts', async () => {
      const staff = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: 'banat' });
      const ok = await postGraphQL(network.gatewayUrl, SET, { input: { memberId, programmes: ['INTERREG'] } }, staff);
      expect(ok.errors).toBeUndefined();
      const refusedBy = [
        await tokenFor({ subject: 'ion@other', role: 'member', cluster: 'banat', member: `banat:${other.id}` }),
        await tokenFor({ subject: 'staff@cluj', role: 'cluster-admin', cluster: 'transilvania' }),
        await tokenFor({ subject: 'analyst', role: 'analyst' }),
      ];
      for (const token of refusedBy) {
        const answer = await postGraphQL(network.gatewayUrl, SET, { input: { memberId, areas: ['ERP'] } }, token);
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      const anonymous = await postGraphQL(network.gatewayUrl, SET, { input: { memberId, areas: ['ERP'] } });
      expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const read = await postGraphQL<{ member: { competences: { areas: string[]; programmes: string[] } } }>(network.gatewayUrl, 'query($id: ID!) { member(id: $id) { competences { areas programmes } } }', { id: memberId });
      expect(read.data!.member.competences).toEqual({ areas: ['AI_DATA', 'SMART_CITY'], programmes: ['INTERREG'] });
    });

    it('refuses an input without a list, a code not in the lists and a member that is not there', async () => {
      const staff = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: 'banat' });
      const empty = await postGraphQL(network.gatewayUrl, SET, { input: { memberId } }, staff);
      expect(empty.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', 'input.memberId']]);
      const unknown = await postGraphQL(network.gatewayUrl, SET, { input: { memberId, areas: ['ASTROLOGY'] } }, staff);
      expect(unknown.status).toBe(400);
      expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const missing = await postGraphQL(network.gatewayUrl, SET, { input: { memberId: 'banat:999999', areas: ['ERP'] } }, staff);
      expect(missing.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
