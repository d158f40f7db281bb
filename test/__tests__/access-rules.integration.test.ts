import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { RunningNetwork } from '../../scripts/run-network';
import type { TokenRequest } from '../../shared/auth/tokens';
import { rowCounts } from '../support/fail-writes';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { pendingInitiative, type PendingInitiative } from '../support/seeded-rows';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * The access rules of the README, as one table: every caller against every operation, through the
 * gateway, on both backends. A refused write leaves both databases exactly as they were; an allowed
 * one leaves its audit entry in the database that owns the data.
 */
const OWN = 'banat';
const OTHER = 'transilvania';

type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Caller {
  name: string;
  /** Absent: no token at all. */
  token?: Omit<TokenRequest, 'member'> & { member?: () => string };
}

/** Who calls. The organisations behind the member tokens are made in `beforeAll`. */
const CALLERS: Caller[] = [
  { name: 'anonymous' },
  { name: 'a member of the cluster', token: { subject: 'ana@member', role: 'member', cluster: OWN, member: () => fixture.memberOrg } },
  { name: 'the NDA project\u2019s lead', token: { subject: 'dan@lead', role: 'member', cluster: OWN, member: () => fixture.leadOrg } },
  { name: 'the NDA project\u2019s partner, of another cluster', token: { subject: 'ioana@partner', role: 'member', cluster: OTHER, member: () => fixture.partnerOrg } },
  { name: 'the cluster\u2019s admin', token: { subject: 'staff@banat', role: 'cluster-admin', cluster: OWN } },
  { name: 'another cluster\u2019s admin', token: { subject: 'staff@transilvania', role: 'cluster-admin', cluster: OTHER } },
  { name: 'the secretariat', token: { subject: 'secretariat@itro', role: 'secretariat' } },
  { name: 'an analyst', token: { subject: 'analyst@itro', role: 'analyst' } },
];

interface Fixture {
  memberOrg: string;
  leadOrg: string;
  partnerOrg: string;
  /** A member of OWN the staff write about. */
  target: string;
  /** A member of OWN with no fees, for fee records. */
  unpaid: string;
  /** Members of OWN the admin acts for in the writes members may make for themselves. */
  adminActsFor: string;
  workingGroup: string;
  service: string;
  /** The member of the cluster's own records: a fee it paid, a service it asked for with a note. */
  records: { fee: { year: number; amountEur: number }; service: string; note: string };
  ndaProject: string;
  ndaTitle: string;
  openProject: string;
  event: string;
  meeting: string;
  minutes: string;
  pendingInitiative: PendingInitiative;
  networkInitiative: string;
  /** A registered cluster with no deployment, for the registry's writes. */
  spareCluster: string;
}
let fixture: Fixture;

/** A write of the matrix: the mutation, whether a member may make it for itself, and valid input. */
interface WriteCase {
  operation: string;
  document: string;
  /** Network data: the secretariat's alone. */
  network?: boolean;
  /** One of the writes a member's people make for their own organisation. */
  selfService?: boolean;
  input(actingFor: string, attempt: number): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** The rule the README states, written out on its own so the test does not borrow the code's. */
function expectedOutcome(caller: Caller, write: WriteCase): Outcome {
  const token = caller.token;
  if (!token) return 'UNAUTHENTICATED';
  if (write.network) return token.role === 'secretariat' ? 'allowed' : 'FORBIDDEN';
  if (token.role === 'cluster-admin' && token.cluster === OWN) return 'allowed';
  if (write.selfService && token.role === 'member' && token.cluster === OWN) return 'allowed';
  return 'FORBIDDEN';
}

/** Reads of the matrix: who sees the thing. */
interface ReadCase {
  what: string;
  query: string;
  variables(): Record<string, unknown>;
  /** Whether `caller` sees it, per the rules. */
  sees(caller: Caller): boolean;
  /** Whether the answer shows it; `caller` for what a refusal must say. */
  shown(data: Record<string, unknown>, errors: GraphQLAnswer['errors'], caller: Caller): boolean;
}

const isMemberOf = (caller: Caller, cluster: string) => caller.token?.role === 'member' && caller.token.cluster === cluster;
const isAdminOf = (caller: Caller, cluster: string) => caller.token?.role === 'cluster-admin' && caller.token.cluster === cluster;
const inNdaProject = (caller: Caller) => caller.name === CALLERS[2]!.name || caller.name === CALLERS[3]!.name || isAdminOf(caller, OWN);
/** A member's own records: for its own people (not the rest of its cluster) and its cluster's staff. */
const seesRecordsOfMemberOrg = (caller: Caller) => caller.name === CALLERS[1]!.name || isAdminOf(caller, OWN);
const ids = (list: unknown) => (list as Array<{ id: string }>).map((item) => item.id);

describeOnBothBackends('who may see and change what', (backend) => {
  let network: RunningNetwork;
  let own: DataSource;
  let networkDb: DataSource;
  const tokens = new Map<string, string | undefined>();
  const audit: Array<{ caller: string; operation: string; outcome: Outcome; network: boolean }> = [];

  async function tokenOf(caller: Caller): Promise<string | undefined> {
    if (!caller.token) return undefined;
    if (!tokens.has(caller.name)) {
      const { member, ...rest } = caller.token;
      tokens.set(caller.name, await tokenFor({ ...rest, ...(member ? { member: member() } : {}) }));
    }
    return tokens.get(caller.name);
  }

  async function as(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const answer = await postGraphQL(network.gatewayUrl, query, variables, await tokenOf(caller));
    expect(answer.status).toBeLessThan(500);
    return answer;
  }

  const ADMIN = CALLERS[4]!;
  const SECRETARIAT = CALLERS[6]!;

  // Answers of the fixture's own reads and writes, whose shapes each line states.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function admin(query: string, variables: Record<string, unknown> = {}, caller: Caller = ADMIN): Promise<any> {
    const answer = await as(caller, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  const createMember = async (name: string): Promise<string> =>
    (
      await admin(`mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
        input: { cluster: OWN, name, kind: 'SME', employees: 12, city: 'Timișoara', founded: 2015, joinedOn: '2024-01-10' },
      })
    ).createMember.id;

  const versionOf = async (type: 'member' | 'project' | 'boardMeeting', id: string): Promise<number> => (await admin(`query($id: ID!) { ${type}(id: $id) { version } }`, { id }))[type].version;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_acl');
    own = network.clusters.find((cluster) => cluster.id === OWN)!.dataSource;
    networkDb = network.networkDataSource;
    const seeded = await admin(`{ cluster(id: "${OWN}") { workingGroups { id } services { id active } board { meetings { id } } }
      members(clusters: ["${OTHER}"], first: 1) { edges { node { id } } } }`);
    const [memberOrg, leadOrg, target, unpaid, adminActsFor] = [
      await createMember('Acces Membru SRL'),
      await createMember('Acces Lider SRL'),
      await createMember('Acces Țintă SRL'),
      await createMember('Acces Neplătit SRL'),
      await createMember('Acces Staff SRL'),
    ];
    const workingGroup = seeded.cluster.workingGroups[0].id as string;
    const partnerOrg = seeded.members.edges[0].node.id as string;
    const ndaTitle = 'Proiect confidențial de acces';
    const start = `mutation($input: StartProjectInput!) { startProject(input: $input) { id } }`;
    const ndaProject = (
      await admin(start, { input: { cluster: OWN, title: ndaTitle, leadId: leadOrg, partnerIds: [partnerOrg], workingGroupId: workingGroup, underNda: true, startsOn: '2027-02-01', budgetEur: 90_000 } })
    ).startProject.id as string;
    const openProject = (await admin(start, { input: { cluster: OWN, title: 'Proiect deschis de acces', leadId: target, startsOn: '2027-02-01', budgetEur: 10_000 } })).startProject.id as string;
    const event = (
      await admin(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: { cluster: OWN, title: 'Ziua accesului', kind: 'WORKSHOP', startsOn: '2099-03-03', city: 'Timișoara', capacity: 500 },
      })
    ).createEvent.id as string;
    const meeting = seeded.cluster.board.meetings.at(-1).id as string;
    const minutes = 'Present: 5 directors. Decided: the access rules.';
    await admin(`mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { id } }`, { input: { id: meeting, version: await versionOf('boardMeeting', meeting), minutes } });
    // Another active service than the writes' own, so that their requests for it meet no open one.
    const services = (seeded.cluster.services as Array<{ id: string; active: boolean }>).filter((service) => service.active);
    expect(services.length).toBeGreaterThan(1);
    const records = { fee: { year: 2024, amountEur: 750 }, service: services[1]!.id, note: 'Our export plan, for the mentor only' };
    await admin(`mutation($input: RecordMembershipFeeInput!) { recordMembershipFee(input: $input) { id } }`, { input: { id: memberOrg, ...records.fee, paidOn: '2024-03-01' } });
    await admin(`mutation($input: RequestServiceInput!) { requestService(input: $input) { id } }`, { input: { id: records.service, memberId: memberOrg, note: records.note } });
    const networkInitiative = (
      await admin(
        `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id } }`,
        { input: { title: 'Acces pentru toți', description: 'A network initiative the matrix moves forward.', objective: 'COOPERATION', leadCluster: OWN, clusters: [OTHER], startsOn: '2027-01-01' } },
        SECRETARIAT,
      )
    ).launchNetworkInitiative.id as string;
    const spareCluster = (
      await admin(
        `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`,
        { input: { id: 'matrix-spare', name: 'Clusterul de rezervă', shortName: 'Rezervă', city: 'Arad', region: 'VEST', url: 'http://127.0.0.1:9', representative: 'Ion Pop' } },
        SECRETARIAT,
      )
    ).registerCluster.id as string;
    fixture = {
      memberOrg,
      leadOrg,
      partnerOrg,
      target,
      unpaid,
      adminActsFor,
      workingGroup,
      service: services[0]!.id,
      records,
      ndaProject,
      ndaTitle,
      openProject,
      event,
      meeting,
      minutes,
      pendingInitiative: await pendingInitiative(admin, OWN),
      networkInitiative,
      spareCluster,
    };
  });

  afterAll(async () => {
    await network?.close();
    const allowed = audit.filter((entry) => entry.outcome === 'allowed').length;
    console.log(`[access ${backend.kind}] ${CALLERS.length} callers × ${WRITES.length} writes = ${audit.length} write cases (${allowed} allowed), ${CALLERS.length} × ${READS.length} = ${CALLERS.length * READS.length} read cases`);
  });

  const WRITES: WriteCase[] = [
    {
      operation: 'createMember',
      document: `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { cluster: OWN, name: `Matrice ${attempt} SRL`, kind: 'STARTUP', employees: 3, city: 'Arad', founded: 2022 } }),
    },
    {
      operation: 'updateMember',
      document: `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`,
      input: async (_, attempt) => ({ input: { id: fixture.target, version: await versionOf('member', fixture.target), employees: 100 + attempt } }),
    },
    {
      operation: 'setMembershipStatus',
      document: `mutation($input: SetMembershipStatusInput!) { setMembershipStatus(input: $input) { id } }`,
      input: async () => ({ input: { id: fixture.target, version: await versionOf('member', fixture.target), status: 'SUSPENDED' } }),
    },
    {
      operation: 'recordMembershipFee',
      document: `mutation($input: RecordMembershipFeeInput!) { recordMembershipFee(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { id: fixture.unpaid, year: 2000 + (attempt % 25), amountEur: 500 } }),
    },
    {
      operation: 'joinWorkingGroup',
      selfService: true,
      document: `mutation($input: JoinWorkingGroupInput!) { joinWorkingGroup(input: $input) { id } }`,
      input: (actingFor) => ({ input: { id: fixture.workingGroup, memberId: actingFor } }),
    },
    {
      operation: 'requestService',
      selfService: true,
      document: `mutation($input: RequestServiceInput!) { requestService(input: $input) { id } }`,
      input: (actingFor) => ({ input: { id: fixture.service, memberId: actingFor, note: 'Need a mentor' } }),
    },
    {
      operation: 'proposeInitiative',
      document: `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { cluster: OWN, title: `Inițiativa matricei ${attempt}`, proposedById: fixture.target } }),
    },
    {
      operation: 'decideInitiative',
      document: `mutation($input: DecideInitiativeInput!) { decideInitiative(input: $input) { id } }`,
      input: () => ({ input: { id: fixture.pendingInitiative.id, version: fixture.pendingInitiative.version, decision: 'APPROVED', meetingId: fixture.pendingInitiative.meetingId } }),
    },
    {
      operation: 'recordMeetingMinutes',
      document: `mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { id } }`,
      input: async () => ({ input: { id: fixture.meeting, version: await versionOf('boardMeeting', fixture.meeting), minutes: fixture.minutes } }),
    },
    {
      operation: 'startProject',
      document: `mutation($input: StartProjectInput!) { startProject(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { cluster: OWN, title: `Proiectul matricei ${attempt}`, leadId: fixture.target, startsOn: '2027-03-01', budgetEur: 5_000 } }),
    },
    {
      operation: 'updateProject',
      document: `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`,
      input: async (_, attempt) => ({ input: { id: fixture.openProject, version: await versionOf('project', fixture.openProject), budgetEur: 20_000 + attempt } }),
    },
    {
      operation: 'addProjectPartner',
      document: `mutation($input: AddProjectPartnerInput!) { addProjectPartner(input: $input) { id } }`,
      input: async (_, attempt) => ({ input: { id: fixture.openProject, version: await versionOf('project', fixture.openProject), memberId: `${OTHER}:${900 + attempt}` } }),
    },
    {
      operation: 'recordEngagement',
      document: `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`,
      input: async (_, attempt) => ({
        input: { id: fixture.openProject, version: await versionOf('project', fixture.openProject), memberId: fixture.target, personDays: 10 + attempt, valueEur: 1_000, resources: 'A team of two' },
      }),
    },
    {
      operation: 'createEvent',
      document: `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { cluster: OWN, title: `Atelierul matricei ${attempt}`, kind: 'WORKSHOP', startsOn: '2099-04-04', city: 'Arad', capacity: 20 } }),
    },
    {
      operation: 'setMemberCompetences',
      selfService: true,
      document: `mutation($input: SetMemberCompetencesInput!) { setMemberCompetences(input: $input) { id } }`,
      // Always a member of the matrix's cluster: a member of another cluster may set its own, in its own cluster, not these.
      input: (actingFor, attempt) => ({ input: { memberId: actingFor.startsWith(`${OWN}:`) ? actingFor : fixture.adminActsFor, areas: attempt % 2 === 0 ? ['ERP'] : ['CLOUD'] } }),
    },
    {
      operation: 'registerForEvent',
      selfService: true,
      document: `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id } }`,
      input: (actingFor) => ({ input: { id: fixture.event, memberId: actingFor, attendees: 2 } }),
    },
    {
      operation: 'launchNetworkInitiative',
      network: true,
      document: `mutation($input: LaunchNetworkInitiativeInput!) { launchNetworkInitiative(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { title: `Inițiativa rețelei ${attempt}`, description: 'Matrix', objective: 'COOPERATION', leadCluster: OTHER, startsOn: '2027-05-01' } }),
    },
    {
      operation: 'setNetworkInitiativeStatus',
      network: true,
      document: `mutation($input: SetNetworkInitiativeStatusInput!) { setNetworkInitiativeStatus(input: $input) { id } }`,
      input: () => ({ input: { id: fixture.networkInitiative, status: 'RUNNING' } }),
    },
    // The registry: a spare cluster, registered at an address where nothing answers, so that its
    // suspension and retirement take no cluster of the matrix out of the network.
    {
      operation: 'registerCluster',
      network: true,
      document: `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { id: `matrix-${attempt}`, name: `Clusterul matricei ${attempt}`, shortName: 'Matrice', city: 'Arad', region: 'VEST', url: 'http://127.0.0.1:9', representative: 'Ana Pop' } }),
    },
    {
      operation: 'updateCluster',
      network: true,
      document: `mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { id } }`,
      input: (_, attempt) => ({ input: { id: fixture.spareCluster, name: `Clusterul de rezervă ${attempt}` } }),
    },
    ...(['suspendCluster', 'resumeCluster', 'retireCluster'] as const).map((operation) => ({
      operation,
      network: true,
      document: `mutation($id: ID!) { ${operation}(id: $id) { id } }`,
      input: () => ({ id: fixture.spareCluster }),
    })),
  ];

  const READS: ReadCase[] = [
    {
      what: 'the public directory: a member by id',
      query: `query($id: ID!) { member(id: $id) { name } }`,
      variables: () => ({ id: fixture.memberOrg }),
      sees: () => true,
      shown: (data) => (data.member as { name: string } | null)?.name === 'Acces Membru SRL',
    },
    {
      what: 'a public project by id',
      query: `query($id: ID!) { project(id: $id) { title } }`,
      variables: () => ({ id: fixture.openProject }),
      sees: () => true,
      shown: (data) => data.project !== null,
    },
    {
      what: 'the NDA project by id (NOT_FOUND when hidden)',
      query: `query($id: ID!) { project(id: $id) { title partners { id } } }`,
      variables: () => ({ id: fixture.ndaProject }),
      sees: inNdaProject,
      shown: (data, errors) => {
        if (data.project === null) expect(errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
        else expect(errors).toBeUndefined();
        return data.project !== null;
      },
    },
    {
      what: 'the NDA project in the list of projects',
      query: `query($title: String!) { projects(clusters: ["${OWN}"], filter: { titleContains: $title }) { totalCount edges { node { id } } } }`,
      variables: () => ({ title: fixture.ndaTitle }),
      sees: inNdaProject,
      shown: (data) => {
        const projects = data.projects as { totalCount: number; edges: unknown[] };
        expect(projects.edges).toHaveLength(projects.totalCount);
        return projects.totalCount === 1;
      },
    },
    {
      what: 'the NDA project among its lead\u2019s projects',
      query: `query($id: ID!) { member(id: $id) { projects { id } } }`,
      variables: () => ({ id: fixture.leadOrg }),
      sees: inNdaProject,
      shown: (data) => ids((data.member as { projects: unknown }).projects).includes(fixture.ndaProject),
    },
    {
      what: 'the NDA project among its foreign partner\u2019s projects',
      query: `query($id: ID!) { member(id: $id) { projects { id } } }`,
      variables: () => ({ id: fixture.partnerOrg }),
      sees: inNdaProject,
      shown: (data) => ids((data.member as { projects: unknown }).projects).includes(fixture.ndaProject),
    },
    {
      what: 'the NDA project among its working group\u2019s projects',
      query: `query($id: ID!) { workingGroup(id: $id) { projects { id } } }`,
      variables: () => ({ id: fixture.workingGroup }),
      sees: inNdaProject,
      shown: (data) => ids((data.workingGroup as { projects: unknown }).projects).includes(fixture.ndaProject),
    },
    {
      what: 'the NDA project in the aggregates',
      query: `{ networkStats(clusters: ["${OWN}"]) { projects projectsByStatus { status count } } }`,
      variables: () => ({}),
      sees: () => true,
      shown: (data) => {
        const stats = data.networkStats as { projects: number; projectsByStatus: Array<{ status: string; count: number }> };
        return stats.projects === ndaCounted.projects && stats.projectsByStatus.find((entry) => entry.status === 'PROPOSED')?.count === ndaCounted.proposed;
      },
    },
    {
      what: 'the cluster\u2019s audit log (FORBIDDEN when hidden)',
      query: `{ auditLog(cluster: "${OWN}", first: 3) { totalCount edges { node { operation actorRole } } } }`,
      variables: () => ({}),
      sees: (caller) => isAdminOf(caller, OWN),
      shown: (data, errors, caller) => {
        if (data.auditLog === null) expect(errors?.map((error) => error.extensions?.code)).toEqual([caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED']);
        else expect((data.auditLog as { totalCount: number }).totalCount).toBeGreaterThan(0);
        return data.auditLog !== null;
      },
    },
    {
      what: 'board minutes (null when hidden)',
      query: `query($id: ID!) { boardMeeting(id: $id) { heldOn minutesRecordedOn minutes } }`,
      variables: () => ({ id: fixture.meeting }),
      sees: (caller) => isMemberOf(caller, OWN) || isAdminOf(caller, OWN),
      shown: (data) => {
        const meeting = data.boardMeeting as { heldOn: string; minutesRecordedOn: string | null; minutes: string | null };
        expect(meeting.minutesRecordedOn).not.toBeNull();
        if (meeting.minutes !== null) expect(meeting.minutes).toBe(fixture.minutes);
        return meeting.minutes !== null;
      },
    },
    {
      what: 'a member\u2019s fees (null when hidden)',
      query: `query($id: ID!) { member(id: $id) { name membership { status fees { year amountEur } } } }`,
      variables: () => ({ id: fixture.memberOrg }),
      sees: seesRecordsOfMemberOrg,
      shown: (data, errors) => {
        const member = data.member as { name: string; membership: { status: string; fees: unknown[] | null } };
        // Hidden is null without an error: the rest of the member is everyone's to read.
        expect([errors, member.name, member.membership.status]).toEqual([undefined, 'Acces Membru SRL', 'ACTIVE']);
        if (member.membership.fees !== null) expect(member.membership.fees).toEqual([fixture.records.fee]);
        return member.membership.fees !== null;
      },
    },
    {
      what: 'whether a member paid a year\u2019s fee (null when hidden, never false)',
      query: `query($id: ID!, $year: Int!, $before: Int!) { member(id: $id) { membership { paid: feePaid(year: $year) unpaid: feePaid(year: $before) } } }`,
      variables: () => ({ id: fixture.memberOrg, year: fixture.records.fee.year, before: fixture.records.fee.year - 1 }),
      sees: seesRecordsOfMemberOrg,
      shown: (data, errors) => {
        const { paid, unpaid } = (data.member as { membership: { paid: boolean | null; unpaid: boolean | null } }).membership;
        expect(errors).toBeUndefined();
        expect([paid, unpaid]).toEqual(paid === null ? [null, null] : [true, false]);
        return paid !== null;
      },
    },
    {
      what: 'the notes on a member\u2019s service requests, by the member and by the service (null when hidden)',
      query: `query($member: ID!, $service: ID!) { member(id: $member) { serviceRequests { id note } } service(id: $service) { requests { id note member { id } } } }`,
      variables: () => ({ member: fixture.memberOrg, service: fixture.records.service }),
      sees: seesRecordsOfMemberOrg,
      shown: (data, errors, caller) => {
        expect(errors).toBeUndefined();
        const [own, ...more] = (data.member as { serviceRequests: Array<{ id: string; note: string | null }> }).serviceRequests;
        expect(more).toEqual([]);
        const requests = (data.service as { requests: Array<{ id: string; note: string | null; member: { id: string } }> }).requests;
        // The same request through the service says the same; every other member's note is for its own people and the staff.
        expect(requests.find((request) => request.member.id === fixture.memberOrg)).toEqual({ ...own, member: { id: fixture.memberOrg } });
        const others = requests.filter((request) => request.member.id !== fixture.memberOrg);
        expect(others.filter((request) => (request.note !== null) !== isAdminOf(caller, OWN))).toEqual([]);
        if (own!.note !== null) expect(own!.note).toBe(fixture.records.note);
        return own!.note !== null;
      },
    },
    {
      what: 'the network\u2019s audit log (FORBIDDEN when hidden)',
      query: `{ networkAuditLog(first: 3) { totalCount edges { node { operation actorRole } } } }`,
      variables: () => ({}),
      sees: (caller) => caller.token?.role === 'secretariat',
      shown: (data, errors, caller) => {
        const log = data.networkAuditLog as { totalCount: number; edges: Array<{ node: { operation: string; actorRole: string } }> } | null;
        if (log === null) expect(errors?.map((error) => error.extensions?.code)).toEqual([caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED']);
        else expect([log.totalCount > 0, log.edges[0]?.node.actorRole]).toEqual([true, 'secretariat']);
        return log !== null;
      },
    },
  ];

  /** The database's own count of the cluster's projects, NDA included, taken before the reads. */
  const ndaCounted = { projects: -1, proposed: -1 };

  describe('reads', () => {
    beforeAll(async () => {
      const count = async (where: string) => Number(((await own.query(`SELECT COUNT(*) AS n FROM projects WHERE cluster_id = '${OWN}'${where}`)) as Array<{ n: number | string }>)[0]!.n);
      ndaCounted.projects = await count('');
      ndaCounted.proposed = await count(" AND status = 'PROPOSED'");
      expect(Number(((await own.query(`SELECT COUNT(*) AS n FROM projects WHERE under_nda = 1`)) as Array<{ n: number | string }>)[0]!.n)).toBeGreaterThan(0);
    });

    const cases = READS.flatMap((read) => CALLERS.map((caller) => [read.what, caller.name, read, caller] as const));
    it.each(cases)('%s, asked by %s', async (_what, _name, read, caller) => {
      const answer = await as(caller, read.query, read.variables());
      expect(answer.data).toBeTruthy();
      expect(read.shown(answer.data as Record<string, unknown>, answer.errors, caller)).toBe(read.sees(caller));
    });
  });

  describe('writes', () => {
    const cases = WRITES.flatMap((write) => CALLERS.map((caller) => [write.operation, caller.name, write, caller] as const));
    let attempt = 0;
    it.each(cases)('%s by %s', async (_operation, _name, write, caller) => {
      attempt += 1;
      const outcome = expectedOutcome(caller, write);
      const actingFor = caller.token?.member?.() ?? fixture.adminActsFor;
      const variables = await write.input(actingFor, attempt);
      const database = write.network ? networkDb : own;
      const before = { own: await rowCounts(own), network: await rowCounts(networkDb) };
      const answer = await as(caller, write.document, variables);
      audit.push({ caller: caller.name, operation: write.operation, outcome, network: write.network ?? false });
      const data = answer.data as Record<string, unknown> | null | undefined;
      if (outcome === 'allowed') {
        expect(answer.errors).toBeUndefined();
        expect(data?.[write.operation]).toBeTruthy();
        const [entry] = (await database.query(
          `SELECT actor_role, actor_subject, actor_member_id, operation, object_type, before_state, after_state FROM audit_log ORDER BY id DESC LIMIT 1`,
        )) as Array<Record<string, string | null>>;
        expect(entry).toMatchObject({ actor_role: caller.token!.role, actor_subject: caller.token!.subject, operation: write.operation });
        expect(entry!.actor_member_id).toBe(caller.token!.member?.() ?? null);
        expect(JSON.parse(entry!.after_state!)).toBeTruthy();
        if (write.operation.startsWith('update') || write.operation.startsWith('set')) expect(JSON.parse(entry!.before_state!)).toBeTruthy();
      } else {
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([outcome]);
        expect(data?.[write.operation] ?? null).toBeNull();
        expect(JSON.stringify(answer.errors)).not.toMatch(/SELECT|INSERT|sqlite|mysql|\.ts:\d/i);
        expect({ own: await rowCounts(own), network: await rowCounts(networkDb) }).toEqual(before);
      }
    });

    it('lets the cluster\u2019s staff read its audit log through the API, newest first, page by page and by object', async () => {
      const ask = (query: string) => admin(query);
      const newest = (await ask(`{ auditLog(cluster: "${OWN}", first: 2) { totalCount edges { cursor node { id operation objectType objectId actorRole actorSubject before after } } pageInfo { hasNextPage endCursor } } }`)).auditLog;
      const [entry] = (await own.query('SELECT id, operation FROM audit_log ORDER BY id DESC LIMIT 3')) as Array<{ id: number; operation: string }>;
      expect(newest.totalCount).toBe(Number(((await own.query('SELECT COUNT(*) AS n FROM audit_log')) as Array<{ n: number | string }>)[0]!.n));
      expect(newest.edges[0].node).toMatchObject({ id: `${OWN}:${entry!.id}`, operation: entry!.operation });
      const next = (await ask(`{ auditLog(cluster: "${OWN}", first: 1, after: "${newest.pageInfo.endCursor}") { edges { node { id } } } }`)).auditLog;
      expect(Number(next.edges[0].node.id.split(':')[1])).toBeLessThan(Number(newest.edges[1].node.id.split(':')[1]));
      const ofTarget = (await ask(`{ auditLog(cluster: "${OWN}", first: 100, objectId: "${fixture.target}") { edges { node { objectId operation before } } } }`)).auditLog.edges;
      expect(ofTarget.length).toBeGreaterThan(0);
      expect(new Set(ofTarget.map((edge: { node: { objectId: string } }) => edge.node.objectId))).toEqual(new Set([fixture.target]));
      expect((await as(ADMIN, `{ auditLog(cluster: "${OWN}", after: "garbage") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('leaves one audit entry per allowed write, and none for a refused one', async () => {
      const allowed = audit.filter((entry) => entry.outcome === 'allowed');
      const network = allowed.filter((entry) => entry.network).length;
      // The fixture's own writes: 5 members, 2 projects, an event, minutes, a fee and a service request here; a network initiative and a cluster there.
      expect(Number(((await own.query(`SELECT COUNT(*) AS n FROM audit_log`)) as Array<{ n: number | string }>)[0]!.n)).toBe(allowed.length - network + 11);
      expect(Number(((await networkDb.query(`SELECT COUNT(*) AS n FROM audit_log`)) as Array<{ n: number | string }>)[0]!.n)).toBe(network + 2);
    });
  });
});
