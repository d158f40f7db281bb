import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../../shared/network-catalog';
import { generateClusterData } from '../../seed/network-data';
import { prepareClusterDatabase } from '../../scripts/run-network';
import { describeOnBothBackends, mysqlDatabaseUrl } from '../support/mysql';

const COMPANY_KINDS = ['STARTUP', 'SME', 'LARGE_ENTERPRISE'];
const TODAY = '2026-11-25';
const key = (clusterId: string, memberId: number) => `${clusterId}:${memberId}`;

describe('the generated network data', () => {
  const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);

  it('is the same for the same seed and differs for another', () => {
    expect(generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees)).toEqual(data);
    expect(generateClusterData(567, FOUNDING_CLUSTERS, NETWORK_FACTS.employees)).not.toEqual(data);
  });

  it('has exactly 566 companies with 19,000 to 20,000 employees, each cluster its published share', () => {
    const companies = data.members.filter((member) => COMPANY_KINDS.includes(member.kind));
    expect(companies).toHaveLength(566);
    const employees = companies.reduce((sum, member) => sum + member.employees, 0);
    expect(employees).toBeGreaterThanOrEqual(19_000);
    expect(employees).toBeLessThanOrEqual(20_000);
    for (const cluster of FOUNDING_CLUSTERS) {
      expect(companies.filter((member) => member.clusterId === cluster.id)).toHaveLength(cluster.companies);
    }
  });

  it('has every kind of the quadruple helix and projects with partners from other clusters', () => {
    expect(new Set(data.members.map((member) => member.kind)).size).toBe(8);
    const foreign = data.projects.filter((project) => project.partners.some((partner) => partner.clusterId !== project.clusterId));
    expect(foreign.length).toBeGreaterThan(data.projects.length / 4);
    const ids = new Set(data.members.map((member) => `${member.clusterId}:${member.id}`));
    for (const project of data.projects) {
      for (const partner of project.partners) expect(ids.has(`${partner.clusterId}:${partner.memberId}`)).toBe(true);
    }
  });

  it('keeps the members and projects it had before the activity was generated', () => {
    // A digest of the fields the first generator draws: the activity has a generator of its own,
    // so adding to it must never move a member or a project (tests and benchmarks rely on them).
    const core = {
      members: data.members.map(({ clusterId, id, name, kind, employees, city, founded }) => ({ clusterId, id, name, kind, employees, city, founded })),
      projects: data.projects.map(({ clusterId, id, title, status, leadMemberId, startedOn, budgetEur, partners }) => ({ clusterId, id, title, status, leadMemberId, startedOn, budgetEur, partners })),
    };
    expect(createHash('sha256').update(JSON.stringify(core)).digest('hex')).toBe('213a3b0a620a70cb74c83d31dc17d83000cccbb12160487cfcc18b67d2953aa8');
  });

  describe('the clusters\u2019 activity', () => {
    const { activity } = data;
    const members = new Map(data.members.map((member) => [key(member.clusterId, member.id), member]));
    const ofCluster = <T extends { clusterId: string }>(rows: readonly T[], clusterId: string) => rows.filter((row) => row.clusterId === clusterId);

    it('fills every table for every cluster', () => {
      for (const [table, rows] of Object.entries(activity)) {
        for (const cluster of FOUNDING_CLUSTERS) {
          expect({ table, cluster: cluster.id, rows: ofCluster(rows as Array<{ clusterId: string }>, cluster.id).length > 0 }).toEqual({ table, cluster: cluster.id, rows: true });
        }
      }
      expect(new Set(data.members.map((member) => member.membershipStatus))).toEqual(new Set(['ACTIVE', 'SUSPENDED', 'LEFT']));
      const grouped = data.projects.filter((project) => project.workingGroupId !== null).length / data.projects.length;
      expect(grouped).toBeGreaterThan(0.45);
      expect(grouped).toBeLessThan(0.75);
    });

    it('has members join after their cluster was founded, and left members without a vote', () => {
      for (const cluster of FOUNDING_CLUSTERS) {
        const founding = ofCluster(activity.generalAssemblies, cluster.id)[0]!.heldOn;
        for (const member of ofCluster(data.members, cluster.id)) {
          expect(member.joinedOn >= founding && member.joinedOn <= TODAY).toBe(true);
          expect(member.statusSince >= member.joinedOn).toBe(true);
          if (member.membershipStatus === 'LEFT') expect(member.votingRight).toBe(false);
        }
      }
    });

    it('records fees from the year a member joined, never twice a year', () => {
      const seen = new Set<string>();
      for (const fee of activity.membershipFees) {
        const member = members.get(key(fee.clusterId, fee.memberId))!;
        expect(fee.year).toBeGreaterThanOrEqual(Number(member.joinedOn.slice(0, 4)));
        expect(fee.paidOn <= TODAY).toBe(true);
        expect(seen.has(`${key(fee.clusterId, fee.memberId)}:${fee.year}`)).toBe(false);
        seen.add(`${key(fee.clusterId, fee.memberId)}:${fee.year}`);
      }
    });

    it('gives every member a current representative (until it left) and every cluster one executive director', () => {
      const roles = activity.personRoles;
      for (const member of data.members) {
        const represents = roles.filter((role) => role.role === 'REPRESENTATIVE' && role.clusterId === member.clusterId && role.memberId === member.id);
        expect(represents.filter((role) => role.until === null)).toHaveLength(member.membershipStatus === 'LEFT' ? 0 : 1);
      }
      for (const cluster of FOUNDING_CLUSTERS) {
        expect(ofCluster(roles, cluster.id).filter((role) => role.role === 'EXECUTIVE_DIRECTOR' && role.until === null)).toHaveLength(1);
      }
    });

    it('has one president and five to nine directors on each board, the previous boards\u2019 seats closed', () => {
      for (const board of activity.boards) {
        const seats = activity.personRoles.filter((role) => role.clusterId === board.clusterId && role.boardId === board.id);
        expect(seats.filter((role) => role.role === 'PRESIDENT')).toHaveLength(1);
        const directors = seats.filter((role) => role.role === 'BOARD_DIRECTOR').length;
        expect(directors).toBeGreaterThanOrEqual(5);
        expect(directors).toBeLessThanOrEqual(9);
        const latest = ofCluster(activity.boards, board.clusterId).at(-1)!.id === board.id;
        for (const seat of seats) expect(seat.until === null).toBe(latest);
        const assembly = activity.generalAssemblies.find((candidate) => candidate.clusterId === board.clusterId && candidate.id === board.electedAtAssemblyId)!;
        expect(assembly.heldOn).toBe(board.termStart);
      }
    });

    it('keeps assembly attendance within the voting members and minutes only for meetings weeks old', () => {
      for (const assembly of activity.generalAssemblies) {
        const voters = ofCluster(data.members, assembly.clusterId).filter((member) => member.joinedOn <= assembly.heldOn).length;
        expect(assembly.votesCast).toBeLessThanOrEqual(assembly.membersPresent);
        expect(assembly.membersPresent).toBeLessThanOrEqual(voters);
      }
      for (const meeting of activity.boardMeetings) {
        expect(meeting.minutes === null).toBe(meeting.minutesRecordedOn === null);
        if (meeting.heldOn > '2026-11-04') expect(meeting.minutes).toBeNull();
        if (meeting.minutesRecordedOn !== null) expect(meeting.minutesRecordedOn >= meeting.heldOn && meeting.minutesRecordedOn <= TODAY).toBe(true);
      }
    });

    it('ends completed projects after they started, and leaves the others open', () => {
      for (const project of data.projects) {
        expect(project.description.length).toBeGreaterThan(0);
        if (project.status === 'COMPLETED') expect(project.endsOn !== null && project.endsOn > project.startedOn).toBe(true);
        else expect(project.endsOn).toBeNull();
      }
    });

    it('has meetings chaired by the board\u2019s president or the executive director, and KPIs of the director in office', () => {
      const holds = (role: { since: string; until: string | null }, date: string) => role.since <= date && (role.until === null || role.until > date);
      for (const meeting of activity.boardMeetings) {
        const roles = activity.personRoles.filter((role) => role.clusterId === meeting.clusterId && role.personId === meeting.chairPersonId && holds(role, meeting.heldOn));
        expect(roles.some((role) => (role.role === 'PRESIDENT' && role.boardId === meeting.boardId) || role.role === 'EXECUTIVE_DIRECTOR')).toBe(true);
      }
      for (const kpi of activity.kpis) {
        const director = activity.personRoles.find((role) => role.clusterId === kpi.clusterId && role.role === 'EXECUTIVE_DIRECTOR' && role.until === null)!;
        expect(kpi.personId).toBe(director.personId);
        expect(kpi.periodStart < kpi.periodEnd).toBe(true);
      }
      for (const initiative of activity.initiatives.filter((candidate) => candidate.proposedByMemberId !== null)) {
        const represents = activity.personRoles.filter((role) => role.clusterId === initiative.clusterId && role.role === 'REPRESENTATIVE' && role.personId === initiative.proposedByPersonId);
        expect(represents.some((role) => role.memberId === initiative.proposedByMemberId && holds(role, initiative.proposedOn))).toBe(true);
      }
    });

    it('decides initiatives at a meeting on or after the day they were proposed', () => {
      for (const initiative of activity.initiatives) {
        if (initiative.status === 'PROPOSED') {
          expect(initiative.decidedAtMeetingId).toBeNull();
          continue;
        }
        const meeting = activity.boardMeetings.find((candidate) => candidate.clusterId === initiative.clusterId && candidate.id === initiative.decidedAtMeetingId)!;
        expect(meeting.heldOn >= initiative.proposedOn && meeting.heldOn <= TODAY).toBe(true);
      }
      expect(new Set(activity.initiatives.map((initiative) => initiative.status))).toEqual(new Set(['PROPOSED', 'APPROVED', 'REJECTED']));
    });

    it('has engagements only from a project\u2019s lead or partners, with some ties in value', () => {
      let ties = 0;
      for (const project of data.projects) {
        const engaged = activity.engagements.filter((engagement) => engagement.clusterId === project.clusterId && engagement.projectId === project.id);
        for (const engagement of engaged) {
          const lead = engagement.memberClusterId === project.clusterId && engagement.memberId === project.leadMemberId;
          const partner = project.partners.some((candidate) => candidate.clusterId === engagement.memberClusterId && candidate.memberId === engagement.memberId);
          expect(lead || partner).toBe(true);
        }
        ties += engaged.length - new Set(engaged.map((engagement) => engagement.valueEur)).size;
      }
      expect(ties).toBeGreaterThan(0);
    });

    it('has working groups whose participants belong to the group\u2019s cluster and joined after both began', () => {
      for (const participant of activity.workingGroupMembers) {
        const member = members.get(key(participant.clusterId, participant.memberId));
        expect(member).toBeDefined();
        const group = activity.workingGroups.find((candidate) => candidate.clusterId === participant.clusterId && candidate.id === participant.workingGroupId)!;
        expect(participant.joinedOn >= group.formedOn && participant.joinedOn >= member!.joinedOn).toBe(true);
      }
      for (const project of data.projects.filter((candidate) => candidate.workingGroupId !== null)) {
        expect(activity.workingGroups.some((group) => group.clusterId === project.clusterId && group.id === project.workingGroupId)).toBe(true);
      }
    });

    it('fills events with registrations whose attendees sum to the seats taken, within capacity', () => {
      for (const event of activity.events) {
        const registrations = activity.eventRegistrations.filter((registration) => registration.clusterId === event.clusterId && registration.eventId === event.id);
        expect(registrations.reduce((sum, registration) => sum + registration.attendees, 0)).toBe(event.seatsTaken);
        expect(event.seatsTaken).toBeLessThanOrEqual(event.capacity);
        for (const registration of registrations) {
          expect(registration.registeredOn < event.startsOn && registration.registeredOn <= TODAY).toBe(true);
          expect(members.has(key(registration.memberClusterId, registration.memberId))).toBe(true);
        }
      }
      const foreign = activity.eventRegistrations.filter((registration) => registration.memberClusterId !== registration.clusterId).length;
      expect(foreign / activity.eventRegistrations.length).toBeGreaterThan(0.1);
      for (const cluster of FOUNDING_CLUSTERS) expect(ofCluster(activity.events, cluster.id).some((event) => event.startsOn > TODAY)).toBe(true);
    });

    it('prices services below the market and dates requests after the member joined', () => {
      for (const service of activity.services) expect(service.memberPriceEur).toBeLessThan(service.marketPriceEur);
      for (const request of activity.serviceRequests) {
        expect(request.requestedOn >= members.get(key(request.clusterId, request.memberId))!.joinedOn && request.requestedOn <= TODAY).toBe(true);
      }
    });
  });
});

type NetworkData = ReturnType<typeof generateClusterData>;

/** Every cluster-owned table, ordered by its key, with the generated rows it holds. */
const TABLES: ReadonlyArray<{ query: string; rows: (data: NetworkData) => ReadonlyArray<{ clusterId: string }> }> = [
  { query: 'members ORDER BY cluster_id, id', rows: (data) => data.members },
  { query: 'projects ORDER BY cluster_id, id', rows: (data) => data.projects },
  { query: 'project_partners ORDER BY cluster_id, project_id, member_cluster_id, member_id', rows: (data) => data.projects.flatMap((project) => project.partners.map(() => project)) },
  { query: 'membership_fees ORDER BY cluster_id, member_id, year', rows: (data) => data.activity.membershipFees },
  { query: 'people ORDER BY cluster_id, id', rows: (data) => data.activity.people },
  { query: 'person_roles ORDER BY cluster_id, id', rows: (data) => data.activity.personRoles },
  { query: 'general_assemblies ORDER BY cluster_id, id', rows: (data) => data.activity.generalAssemblies },
  { query: 'boards ORDER BY cluster_id, id', rows: (data) => data.activity.boards },
  { query: 'board_meetings ORDER BY cluster_id, id', rows: (data) => data.activity.boardMeetings },
  { query: 'initiatives ORDER BY cluster_id, id', rows: (data) => data.activity.initiatives },
  { query: 'kpis ORDER BY cluster_id, id', rows: (data) => data.activity.kpis },
  { query: 'working_groups ORDER BY cluster_id, id', rows: (data) => data.activity.workingGroups },
  { query: 'working_group_members ORDER BY cluster_id, working_group_id, member_id', rows: (data) => data.activity.workingGroupMembers },
  { query: 'project_engagements ORDER BY cluster_id, project_id, member_cluster_id, member_id', rows: (data) => data.activity.engagements },
  { query: 'services ORDER BY cluster_id, id', rows: (data) => data.activity.services },
  { query: 'service_requests ORDER BY cluster_id, id', rows: (data) => data.activity.serviceRequests },
  { query: 'events ORDER BY cluster_id, id', rows: (data) => data.activity.events },
  { query: 'event_registrations ORDER BY cluster_id, event_id, member_cluster_id, member_id', rows: (data) => data.activity.eventRegistrations },
];

async function rowsOf(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const { query } of TABLES) {
    const result = (await dataSource.query(`SELECT * FROM ${query}`)) as Array<Record<string, unknown>>;
    rows[query] = result.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])));
  }
  return rows;
}

describeOnBothBackends('a seeded cluster database', (backend) => {
  it('holds the same rows as the same seed written to SQLite', async () => {
    const logger = createLogger('test', 'silent');
    const url = backend.databaseUrl('itro_test_seed_banat');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-seed-'));
    const reference = `sqlite:${path.join(folder, 'reference.sqlite')}`;
    await dropDatabase(url);
    await ensureDatabase(url);
    const [written, expected] = await Promise.all([
      prepareClusterDatabase('banat', url, 'always', 566, logger),
      prepareClusterDatabase('banat', reference, 'always', 566, logger),
    ]);
    try {
      const [actual, reference] = [await rowsOf(written), await rowsOf(expected)];
      // Every generated row of the cluster is written, and nothing of another cluster.
      const data = generateClusterData(566, FOUNDING_CLUSTERS, NETWORK_FACTS.employees);
      for (const { query, rows } of TABLES) {
        const count = rows(data).filter((row) => row.clusterId === 'banat').length;
        expect({ query, rows: reference[query]!.length }).toEqual({ query, rows: count });
        expect(count).toBeGreaterThan(0);
      }
      expect(actual).toEqual(reference);
    } finally {
      await written.destroy();
      await expected.destroy();
      if (backend.kind === 'mysql') await dropDatabase(mysqlDatabaseUrl('itro_test_seed_banat'));
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
