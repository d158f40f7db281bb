import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { RunningNetwork } from '../../scripts/run-network';
import { failWrites, rowCounts } from '../support/fail-writes';
import { postGraphQL, type GraphQLAnswer } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { pendingInitiative } from '../support/seeded-rows';
import { startTestNetwork, tokenFor } from '../support/test-network';

/**
 * Every mutation through the gateway, on both backends: its happy path, its validation errors
 * (BAD_USER_INPUT naming the field), a conflict (CONFLICT), and a failure inside its transaction
 * (forced by a database trigger) that leaves no partial write behind.
 */
const CLUSTER = 'banat';
const FOREIGN = 'transilvania';
/** A member id of another cluster that no row uses: foreign partners are checked for form only. */
const UNUSED_FOREIGN_LOCAL_ID = 424242;

type Answer = GraphQLAnswer<Record<string, never>> & { status: number };

describeOnBothBackends('mutations through the gateway', (backend) => {
  let network: RunningNetwork;
  let own: DataSource;
  let foreign: DataSource;
  /** The cluster's staff make every write here; who may write what is tested in access-rules. */
  let admin: string;

  beforeAll(async () => {
    admin = await tokenFor({ subject: 'staff@banat', role: 'cluster-admin', cluster: CLUSTER });
    network = await startTestNetwork(backend, 'itro_mut');
    own = network.clusters.find((cluster) => cluster.id === CLUSTER)!.dataSource;
    foreign = network.clusters.find((cluster) => cluster.id === FOREIGN)!.dataSource;
  });

  afterAll(async () => {
    await network?.close();
  });

  async function send(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const answer = (await postGraphQL(network.gatewayUrl, query, variables, admin)) as Answer;
    expect(answer.status).toBe(200);
    return answer;
  }

  // The data of an answer whose shape each test states; GraphQL JSON has no static type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const answer = await send(query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  /** The request fails with `code`, naming `field` when given, and no internals in the message. */
  async function refused(query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<Answer> {
    const answer = await send(query, variables);
    expect(answer.errors).toHaveLength(1);
    const error = answer.errors![0]!;
    expect(error.extensions?.code).toBe(code);
    if (field) expect(error.extensions?.field).toBe(field);
    expect(error.message).not.toMatch(/injected|SQL|sqlite|mysql|at .*\.ts/i);
    return answer;
  }

  /** A value of the wrong GraphQL type never reaches a resolver: HTTP 400, BAD_USER_INPUT. */
  async function wrongType(query: string, variables: Record<string, unknown>): Promise<void> {
    const answer = await postGraphQL(network.gatewayUrl, query, variables, admin);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }

  /** A write the database refuses halfway: the client hears of a failure, never of its internals. */
  async function failsInside(query: string, variables: Record<string, unknown>): Promise<void> {
    const answer = await send(query, variables);
    expect(answer.errors).toHaveLength(1);
    // The write's own failure, not an unavailable cluster: the cluster answered, the write did not land.
    expect(answer.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(answer)).not.toMatch(/injected|SQLITE|ER_SIGNAL|trigger/i);
  }

  const member = (id: string) =>
    ok(`query($id: ID!) { member(id: $id) { id name version employees city membership { status votingRight joinedOn fees { year amountEur } } workingGroups { id } } }`, { id });

  async function someMember(cluster = CLUSTER): Promise<{ id: string; version: number }> {
    const data = await ok(`query($c: [ID!]) { members(first: 1, clusters: $c, filter: { kind: [SME] }) { edges { node { id version } } } }`, { c: [cluster] });
    return data.members.edges[0].node;
  }

  const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name version kind membership { status votingRight joinedOn } cluster { id name } } }`;
  const newMember = (name: string, extra: Record<string, unknown> = {}) => ({
    input: { cluster: CLUSTER, name, kind: 'STARTUP', employees: 7, city: 'Timișoara', founded: 2021, joinedOn: '2024-03-01', ...extra },
  });

  describe('createMember', () => {
    it('registers a member on its own cluster, visible network-wide', async () => {
      const before = (await ok(`{ networkStats(clusters: ["${CLUSTER}"]) { members } }`)).networkStats.members;
      const created = (await ok(CREATE_MEMBER, newMember('Lumina Digital SRL'))).createMember;
      expect(created).toMatchObject({ name: 'Lumina Digital SRL', version: 1, kind: 'STARTUP', membership: { status: 'ACTIVE', votingRight: true, joinedOn: '2024-03-01' }, cluster: { id: CLUSTER, name: 'Banat Software' } });
      expect(created.id).toMatch(/^banat:\d+$/);
      expect((await member(created.id)).member).toMatchObject({ id: created.id, name: 'Lumina Digital SRL' });
      expect((await ok(`{ networkStats(clusters: ["${CLUSTER}"]) { members } }`)).networkStats.members).toBe(before + 1);
    });

    it('names the field of every invalid input, and writes nothing', async () => {
      const counts = await rowCounts(own);
      await refused(CREATE_MEMBER, newMember('   '), 'BAD_USER_INPUT', 'input.name');
      await refused(CREATE_MEMBER, newMember('x'.repeat(201)), 'BAD_USER_INPUT', 'input.name');
      await refused(CREATE_MEMBER, newMember('Bad\u0000Name'), 'BAD_USER_INPUT', 'input.name');
      await refused(CREATE_MEMBER, newMember('Negative SRL', { employees: -1 }), 'BAD_USER_INPUT', 'input.employees');
      await refused(CREATE_MEMBER, newMember('Future SRL', { founded: 3000 }), 'BAD_USER_INPUT', 'input.founded');
      await refused(CREATE_MEMBER, newMember('Leap SRL', { joinedOn: '2023-02-29' }), 'BAD_USER_INPUT', 'input.joinedOn');
      await refused(CREATE_MEMBER, newMember('Early SRL', { founded: 2021, joinedOn: '2019-01-01' }), 'BAD_USER_INPUT', 'input.joinedOn');
      await refused(CREATE_MEMBER, newMember('Nowhere SRL', { cluster: 'nowhere' }), 'BAD_USER_INPUT', 'input.cluster');
      await wrongType(CREATE_MEMBER, { input: { ...newMember('Typed SRL').input, employees: 'many' } });
      expect(await rowCounts(own)).toEqual(counts);
    });

    it('gives one of two simultaneous registrations of the same name a CONFLICT, and distinct ids to different names', async () => {
      const answers = await Promise.all([send(CREATE_MEMBER, newMember('Gemeni Soft SRL')), send(CREATE_MEMBER, newMember('Gemeni Soft SRL'))]);
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.find((answer) => answer.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
      const distinct = await Promise.all(['Alfa Unu SRL', 'Alfa Doi SRL', 'Alfa Trei SRL'].map((name) => ok(CREATE_MEMBER, newMember(name))));
      expect(new Set(distinct.map((data) => data.createMember.id)).size).toBe(3);
    });

    it('refuses a name too long once folded for sorting, however often, and the cluster stays available', async () => {
      const hangul = '한'.repeat(70);
      for (let attempt = 0; attempt < 5; attempt++) await refused(CREATE_MEMBER, newMember(hangul), 'BAD_USER_INPUT', 'input.name');
      expect((await ok(`{ members(clusters: ["${CLUSTER}"], first: 1) { totalCount } }`)).members.totalCount).toBeGreaterThan(0);
    });

    it('routes by a variable left to its default, and by an inline input', async () => {
      const created = (await ok(`mutation($cluster: ID = "${CLUSTER}") { createMember(input: { cluster: $cluster, name: "Implicit SRL", kind: SME, employees: 3, city: "Arad", founded: 2020 }) { id } }`)).createMember;
      expect(created.id).toMatch(/^banat:/);
      await refused(`mutation { createMember(input: { cluster: "atlantis", name: "X", kind: SME, employees: 3, city: "Arad", founded: 2020 }) { id } }`, {}, 'BAD_USER_INPUT', 'input.cluster');
    });

    // Mutation fields are nullable, so one field's error does not erase another's committed answer.
    it('keeps a committed root field of a mutation when the next one fails', async () => {
      const answer = await send(`mutation($a: CreateMemberInput!, $b: CreateMemberInput!) { a: createMember(input: $a) { id name } b: createMember(input: $b) { id } }`, {
        ...{ a: newMember('Primul Comis SRL').input },
        b: newMember('   ').input,
      });
      expect(answer.data).toEqual({ a: { id: expect.stringMatching(/^banat:/), name: 'Primul Comis SRL' }, b: null });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      await refused(CREATE_MEMBER, newMember('Primul Comis SRL'), 'CONFLICT', 'input.name');
    });

    it('leaves nothing behind when the database refuses the write', async () => {
      const counts = await rowCounts(own);
      const restore = await failWrites(own, 'members', 'INSERT', "NEW.name = 'Refused Write SRL'");
      try {
        await failsInside(CREATE_MEMBER, newMember('Refused Write SRL'));
      } finally {
        await restore();
      }
      expect(await rowCounts(own)).toEqual(counts);
    });
  });

  const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id name city employees version } }`;

  describe('updateMember', () => {
    it('changes only the fields given and bumps the version', async () => {
      const { id, version } = await someMember();
      const before = (await member(id)).member;
      const updated = (await ok(UPDATE_MEMBER, { input: { id, version, employees: 42, city: 'Lugoj' } })).updateMember;
      expect(updated).toEqual({ id, name: before.name, city: 'Lugoj', employees: 42, version: version + 1 });
    });

    it('refuses empty changes, bad values, malformed and unknown ids', async () => {
      const { id, version } = await someMember();
      await refused(UPDATE_MEMBER, { input: { id, version } }, 'BAD_USER_INPUT', 'input.id');
      await refused(UPDATE_MEMBER, { input: { id, version, employees: 2_000_000 } }, 'BAD_USER_INPUT', 'input.employees');
      await refused(UPDATE_MEMBER, { input: { id, version, city: '' } }, 'BAD_USER_INPUT', 'input.city');
      await refused(UPDATE_MEMBER, { input: { id: 'banat-42', version, city: 'Arad' } }, 'BAD_USER_INPUT', 'input.id');
      await refused(UPDATE_MEMBER, { input: { id: 'atlantis:1', version, city: 'Arad' } }, 'BAD_USER_INPUT', 'input.id');
      await refused(UPDATE_MEMBER, { input: { id: `${CLUSTER}:999999`, version: 1, city: 'Arad' } }, 'NOT_FOUND');
    });

    it('gives one of two simultaneous renames to the same name a CONFLICT', async () => {
      const [first, second] = await Promise.all([ok(CREATE_MEMBER, newMember('Rename Source A SRL')), ok(CREATE_MEMBER, newMember('Rename Source B SRL'))]);
      const answers = await Promise.all([first, second].map((data) => send(UPDATE_MEMBER, { input: { id: data.createMember.id, version: 1, name: 'Nume Disputat SRL' } })));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.find((answer) => answer.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    });

    it('answers CONFLICT with the current version to an edit based on an old read', async () => {
      const { id, version } = await someMember();
      await ok(UPDATE_MEMBER, { input: { id, version, employees: 11 } });
      const stale = await refused(UPDATE_MEMBER, { input: { id, version, employees: 12 } }, 'CONFLICT');
      expect(stale.errors![0]!.extensions?.currentVersion).toBe(version + 1);
      expect((await member(id)).member.employees).toBe(11);
    });

    it('leaves the row as it was when the database refuses the update', async () => {
      const { id, version } = await someMember();
      const before = (await member(id)).member;
      const restore = await failWrites(own, 'members', 'UPDATE', "NEW.city = 'Failtown'");
      try {
        await failsInside(UPDATE_MEMBER, { input: { id, version, city: 'Failtown', employees: 99 } });
      } finally {
        await restore();
      }
      expect((await member(id)).member).toEqual(before);
    });
  });

  const SET_STATUS = `mutation($input: SetMembershipStatusInput!) { setMembershipStatus(input: $input) { id version membership { status votingRight statusSince } } }`;

  describe('setMembershipStatus', () => {
    it('suspends and reinstates a member, and a member that left loses its vote', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Status Test SRL'))).createMember;
      const suspended = (await ok(SET_STATUS, { input: { id: created.id, version: 1, status: 'SUSPENDED' } })).setMembershipStatus;
      expect(suspended.membership).toMatchObject({ status: 'SUSPENDED', votingRight: true });
      expect(suspended.membership.statusSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const left = (await ok(SET_STATUS, { input: { id: created.id, version: 2, status: 'LEFT' } })).setMembershipStatus;
      expect(left).toMatchObject({ version: 3, membership: { status: 'LEFT', votingRight: false } });
    });

    it('refuses a vote for a member that leaves, and a stale or repeated change', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Status Conflict SRL'))).createMember;
      await refused(SET_STATUS, { input: { id: created.id, version: 1, status: 'LEFT', votingRight: true } }, 'BAD_USER_INPUT', 'input.votingRight');
      await refused(SET_STATUS, { input: { id: created.id, version: 1, status: 'ACTIVE' } }, 'CONFLICT', 'input.status');
      await ok(SET_STATUS, { input: { id: created.id, version: 1, status: 'SUSPENDED' } });
      await refused(SET_STATUS, { input: { id: created.id, version: 1, status: 'ACTIVE' } }, 'CONFLICT');
    });

    it('leaves the status as it was when the database refuses the update', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Status Rollback SRL'))).createMember;
      const restore = await failWrites(own, 'members', 'UPDATE', "NEW.membership_status = 'SUSPENDED'");
      try {
        await failsInside(SET_STATUS, { input: { id: created.id, version: 1, status: 'SUSPENDED' } });
      } finally {
        await restore();
      }
      expect((await member(created.id)).member).toMatchObject({ version: 1, membership: { status: 'ACTIVE' } });
    });
  });

  const RECORD_FEE = `mutation($input: RecordMembershipFeeInput!) { recordMembershipFee(input: $input) { id membership { fees { year amountEur } paid: feePaid(year: 2025) } } }`;

  describe('recordMembershipFee', () => {
    it('records a year once and shows it paid', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Fee Payer SRL'))).createMember;
      const paid = (await ok(RECORD_FEE, { input: { id: created.id, year: 2025, amountEur: 600, paidOn: '2025-02-10' } })).recordMembershipFee;
      expect(paid.membership).toEqual({ fees: [{ year: 2025, amountEur: 600 }], paid: true });
    });

    it('names the invalid field', async () => {
      const { id } = await someMember();
      await refused(RECORD_FEE, { input: { id, year: 1999, amountEur: 600 } }, 'BAD_USER_INPUT', 'input.year');
      await refused(RECORD_FEE, { input: { id, year: 2025, amountEur: 0 } }, 'BAD_USER_INPUT', 'input.amountEur');
      await refused(RECORD_FEE, { input: { id, year: 2025, amountEur: 600, paidOn: 'yesterday' } }, 'BAD_USER_INPUT', 'input.paidOn');
    });

    it('answers CONFLICT to a second payment of the same year, even sent at the same moment', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Twice Payer SRL'))).createMember;
      const answers = await Promise.all([1, 2].map(() => send(RECORD_FEE, { input: { id: created.id, year: 2024, amountEur: 500 } })));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.find((answer) => answer.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.year' });
    });

    it('records nothing when the database refuses the write', async () => {
      const created = (await ok(CREATE_MEMBER, newMember('Refused Fee SRL'))).createMember;
      const restore = await failWrites(own, 'membership_fees', 'INSERT', 'NEW.amount_eur = 4242');
      try {
        await failsInside(RECORD_FEE, { input: { id: created.id, year: 2025, amountEur: 4242 } });
      } finally {
        await restore();
      }
      expect((await member(created.id)).member.membership.fees).toEqual([]);
    });
  });

  async function firstOf(field: 'workingGroups' | 'services'): Promise<{ id: string }> {
    const data = await ok(`{ cluster(id: "${CLUSTER}") { workingGroups { id } services { id active } } }`);
    const rows = data.cluster[field] as Array<{ id: string; active?: boolean }>;
    const row = rows.find((candidate) => candidate.active !== false);
    expect(row).toBeDefined();
    return row!;
  }

  const JOIN_GROUP = `mutation($input: JoinWorkingGroupInput!) { joinWorkingGroup(input: $input) { id participants { id } participantCount } }`;

  describe('joinWorkingGroup', () => {
    it('adds a member to a working group of its cluster', async () => {
      const group = await firstOf('workingGroups');
      const created = (await ok(CREATE_MEMBER, newMember('Joiner SRL'))).createMember;
      const joined = (await ok(JOIN_GROUP, { input: { id: group.id, memberId: created.id } })).joinWorkingGroup;
      expect(joined.participants.map((p: { id: string }) => p.id)).toContain(created.id);
      expect((await member(created.id)).member.workingGroups).toEqual([{ id: group.id }]);
    });

    it('refuses a member of another cluster and a malformed id', async () => {
      const group = await firstOf('workingGroups');
      const stranger = await someMember(FOREIGN);
      await refused(JOIN_GROUP, { input: { id: group.id, memberId: stranger.id } }, 'BAD_USER_INPUT', 'input.memberId');
      await refused(JOIN_GROUP, { input: { id: group.id, memberId: 'nobody' } }, 'BAD_USER_INPUT', 'input.memberId');
      await refused(JOIN_GROUP, { input: { id: `${CLUSTER}:999999`, memberId: (await someMember()).id } }, 'NOT_FOUND');
    });

    it('answers CONFLICT to joining twice', async () => {
      const group = await firstOf('workingGroups');
      const created = (await ok(CREATE_MEMBER, newMember('Double Joiner SRL'))).createMember;
      await ok(JOIN_GROUP, { input: { id: group.id, memberId: created.id } });
      await refused(JOIN_GROUP, { input: { id: group.id, memberId: created.id } }, 'CONFLICT', 'input.memberId');
    });

    it('adds nothing when the database refuses the write', async () => {
      const group = await firstOf('workingGroups');
      const created = (await ok(CREATE_MEMBER, newMember('Refused Joiner SRL'))).createMember;
      const localId = Number(created.id.split(':')[1]);
      const restore = await failWrites(own, 'working_group_members', 'INSERT', `NEW.member_id = ${localId}`);
      try {
        await failsInside(JOIN_GROUP, { input: { id: group.id, memberId: created.id } });
      } finally {
        await restore();
      }
      expect((await member(created.id)).member.workingGroups).toEqual([]);
    });
  });

  const REQUEST_SERVICE = `mutation($input: RequestServiceInput!) { requestService(input: $input) { id status note service { id } member { id } version } }`;

  describe('requestService', () => {
    it('records a member’s request', async () => {
      const service = await firstOf('services');
      const created = (await ok(CREATE_MEMBER, newMember('Service Client SRL'))).createMember;
      const request = (await ok(REQUEST_SERVICE, { input: { id: service.id, memberId: created.id, note: 'GDPR for our app' } })).requestService;
      expect(request).toMatchObject({ status: 'REQUESTED', note: 'GDPR for our app', service: { id: service.id }, member: { id: created.id }, version: 1 });
    });

    it('names the invalid field', async () => {
      const service = await firstOf('services');
      const { id } = await someMember();
      await refused(REQUEST_SERVICE, { input: { id: service.id, memberId: id, note: 'x'.repeat(501) } }, 'BAD_USER_INPUT', 'input.note');
      await refused(REQUEST_SERVICE, { input: { id: service.id, memberId: (await someMember(FOREIGN)).id } }, 'BAD_USER_INPUT', 'input.memberId');
    });

    it('answers CONFLICT while the same request is still open', async () => {
      const service = await firstOf('services');
      const created = (await ok(CREATE_MEMBER, newMember('Impatient Client SRL'))).createMember;
      await ok(REQUEST_SERVICE, { input: { id: service.id, memberId: created.id } });
      await refused(REQUEST_SERVICE, { input: { id: service.id, memberId: created.id } }, 'CONFLICT', 'input.memberId');
    });

    it('records nothing when the database refuses the write', async () => {
      const service = await firstOf('services');
      const created = (await ok(CREATE_MEMBER, newMember('Refused Client SRL'))).createMember;
      const counts = await rowCounts(own);
      const restore = await failWrites(own, 'service_requests', 'INSERT', "NEW.note = 'refuse me'");
      try {
        await failsInside(REQUEST_SERVICE, { input: { id: service.id, memberId: created.id, note: 'refuse me' } });
      } finally {
        await restore();
      }
      expect(await rowCounts(own)).toEqual(counts);
    });
  });

  const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id title status version proposedBy { id } presentedBy { id } decidedAt { id } } }`;
  const DECIDE = `mutation($input: DecideInitiativeInput!) { decideInitiative(input: $input) { id status version decidedAt { id heldOn } } }`;


  describe('proposeInitiative', () => {
    it('brings a member’s initiative to the board', async () => {
      const { id } = await someMember();
      const proposed = (await ok(PROPOSE, { input: { cluster: CLUSTER, title: 'Hackathon regional 2027', proposedById: id } })).proposeInitiative;
      expect(proposed).toMatchObject({ title: 'Hackathon regional 2027', status: 'PROPOSED', version: 1, proposedBy: { id }, decidedAt: null });
      expect((await ok(`query($id: ID!) { initiative(id: $id) { title } }`, { id: proposed.id })).initiative.title).toBe('Hackathon regional 2027');
    });

    it('needs a proposer of the cluster and a title', async () => {
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: 'Empty id', proposedById: '' } }, 'BAD_USER_INPUT', 'input.proposedById');
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: 'Nobody proposes' } }, 'BAD_USER_INPUT', 'input.presentedById');
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: '', proposedById: (await someMember()).id } }, 'BAD_USER_INPUT', 'input.title');
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: 'Foreign', proposedById: (await someMember(FOREIGN)).id } }, 'BAD_USER_INPUT', 'input.proposedById');
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: 'Ghost', proposedById: `${CLUSTER}:999999` } }, 'BAD_USER_INPUT', 'input.proposedById');
    });

    it('answers CONFLICT when the same title is already before the board', async () => {
      const { id } = await someMember();
      await ok(PROPOSE, { input: { cluster: CLUSTER, title: 'Birou comun la Bruxelles', proposedById: id } });
      await refused(PROPOSE, { input: { cluster: CLUSTER, title: 'birou comun la bruxelles', proposedById: id } }, 'CONFLICT', 'input.title');
    });

    it('records nothing when the database refuses the write', async () => {
      const counts = await rowCounts(own);
      const restore = await failWrites(own, 'initiatives', 'INSERT', "NEW.title = 'Refused initiative'");
      try {
        await failsInside(PROPOSE, { input: { cluster: CLUSTER, title: 'Refused initiative', proposedById: (await someMember()).id } });
      } finally {
        await restore();
      }
      expect(await rowCounts(own)).toEqual(counts);
    });
  });

  describe('decideInitiative', () => {
    it('records the decision and the meeting that took it', async () => {
      const pending = await pendingInitiative(ok, CLUSTER);
      const decided = (await ok(DECIDE, { input: { id: pending.id, version: pending.version, decision: 'APPROVED', meetingId: pending.meetingId } })).decideInitiative;
      expect(decided).toMatchObject({ id: pending.id, status: 'APPROVED', version: pending.version + 1, decidedAt: { id: pending.meetingId } });
      const meeting = await ok(`query($id: ID!) { boardMeeting(id: $id) { decisions { id } } }`, { id: pending.meetingId });
      expect(meeting.boardMeeting.decisions.map((d: { id: string }) => d.id)).toContain(pending.id);
    });

    it('refuses a meeting of another cluster, or one held before the proposal', async () => {
      const { id } = await someMember();
      const fresh = (await ok(PROPOSE, { input: { cluster: CLUSTER, title: 'Decide me later', proposedById: id } })).proposeInitiative;
      const pending = await pendingInitiative(ok, CLUSTER);
      await refused(DECIDE, { input: { id: fresh.id, version: 1, decision: 'APPROVED', meetingId: `${FOREIGN}:1` } }, 'BAD_USER_INPUT', 'input.meetingId');
      const early = await ok(`{ cluster(id: "${CLUSTER}") { boards { meetings { id heldOn } } } }`);
      const oldest = (early.cluster.boards as Array<{ meetings: Array<{ id: string }> }>).flatMap((board) => board.meetings)[0]!.id;
      await refused(DECIDE, { input: { id: fresh.id, version: 1, decision: 'APPROVED', meetingId: oldest } }, 'BAD_USER_INPUT', 'input.meetingId');
      await wrongType(DECIDE, { input: { id: pending.id, version: pending.version, decision: 'MAYBE', meetingId: pending.meetingId } });
    });

    it('answers CONFLICT to a second decision and to a stale version', async () => {
      const pending = await pendingInitiative(ok, CLUSTER);
      await ok(DECIDE, { input: { id: pending.id, version: pending.version, decision: 'REJECTED', meetingId: pending.meetingId } });
      await refused(DECIDE, { input: { id: pending.id, version: pending.version, decision: 'APPROVED', meetingId: pending.meetingId } }, 'CONFLICT');
      await refused(DECIDE, { input: { id: pending.id, version: pending.version + 1, decision: 'APPROVED', meetingId: pending.meetingId } }, 'CONFLICT', 'input.id');
    });

    it('leaves the initiative undecided when the database refuses the update', async () => {
      const pending = await pendingInitiative(ok, CLUSTER);
      const restore = await failWrites(own, 'initiatives', 'UPDATE', "NEW.status = 'APPROVED'");
      try {
        await failsInside(DECIDE, { input: { id: pending.id, version: pending.version, decision: 'APPROVED', meetingId: pending.meetingId } });
      } finally {
        await restore();
      }
      expect((await ok(`query($id: ID!) { initiative(id: $id) { status version } }`, { id: pending.id })).initiative).toEqual({ status: 'PROPOSED', version: pending.version });
    });
  });

  const MINUTES = `mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { id minutes minutesRecordedOn version } }`;

  async function someMeeting(): Promise<{ id: string; version: number }> {
    const data = await ok(`{ cluster(id: "${CLUSTER}") { board { meetings { id version } } } }`);
    return data.cluster.board.meetings.at(-1);
  }

  describe('recordMeetingMinutes', () => {
    it('records the minutes of a board meeting', async () => {
      const meeting = await someMeeting();
      const text = 'Present: 7 directors.\nApproved: the 2027 budget.';
      const recorded = (await ok(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: text } })).recordMeetingMinutes;
      expect(recorded).toMatchObject({ id: meeting.id, minutes: text, version: meeting.version + 1 });
      expect(recorded.minutesRecordedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('refuses empty or oversized minutes', async () => {
      const meeting = await someMeeting();
      await refused(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: '  ' } }, 'BAD_USER_INPUT', 'input.minutes');
      await refused(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: 'x'.repeat(20_001) } }, 'BAD_USER_INPUT', 'input.minutes');
    });

    it('answers CONFLICT when someone else recorded them first', async () => {
      const meeting = await someMeeting();
      await ok(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: 'First draft' } });
      await refused(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: 'Second draft' } }, 'CONFLICT');
    });

    it('keeps the earlier minutes when the database refuses the update', async () => {
      const meeting = await someMeeting();
      const before = (await ok(`query($id: ID!) { boardMeeting(id: $id) { minutes version } }`, { id: meeting.id })).boardMeeting;
      const restore = await failWrites(own, 'board_meetings', 'UPDATE', "NEW.minutes = 'Refused minutes'");
      try {
        await failsInside(MINUTES, { input: { id: meeting.id, version: meeting.version, minutes: 'Refused minutes' } });
      } finally {
        await restore();
      }
      expect((await ok(`query($id: ID!) { boardMeeting(id: $id) { minutes version } }`, { id: meeting.id })).boardMeeting).toEqual(before);
    });
  });

  const START_PROJECT = `mutation($input: StartProjectInput!) { startProject(input: $input) { id title status version underNda lead { id name } partners { id name cluster { id } } } }`;
  const newProject = async (title: string, extra: Record<string, unknown> = {}) => ({
    input: { cluster: CLUSTER, title, leadId: (await someMember()).id, startsOn: '2027-01-15', endsOn: '2028-12-31', budgetEur: 250_000, ...extra },
  });

  describe('startProject', () => {
    it('starts a project with a partner from another cluster, writing nothing to that cluster', async () => {
      const partner = await someMember(FOREIGN);
      const foreignBefore = await rowCounts(foreign);
      const started = (await ok(START_PROJECT, await newProject('Gemeni digitali Banat–Cluj', { partnerIds: [partner.id], underNda: true }))).startProject;
      expect(started).toMatchObject({ status: 'PROPOSED', version: 1, underNda: true });
      expect(started.partners).toEqual([{ id: partner.id, name: expect.any(String), cluster: { id: FOREIGN } }]);
      expect(await rowCounts(foreign)).toEqual(foreignBefore);
      const projects = await ok(`query($id: ID!) { member(id: $id) { projects { id } } }`, { id: partner.id });
      expect(projects.member.projects.map((p: { id: string }) => p.id)).toContain(started.id);
    });

    it('names the invalid field', async () => {
      const lead = await someMember();
      await refused(START_PROJECT, await newProject('Backwards', { endsOn: '2026-01-01' }), 'BAD_USER_INPUT', 'input.endsOn');
      await refused(START_PROJECT, await newProject('Twice', { partnerIds: [`${FOREIGN}:1`, `${FOREIGN}:1`] }), 'BAD_USER_INPUT', 'input.partnerIds');
      await refused(START_PROJECT, await newProject('Self', { partnerIds: [lead.id], leadId: lead.id }), 'BAD_USER_INPUT', 'input.partnerIds');
      await refused(START_PROJECT, await newProject('Foreign lead', { leadId: (await someMember(FOREIGN)).id }), 'BAD_USER_INPUT', 'input.leadId');
      await refused(START_PROJECT, await newProject('Bad partner', { partnerIds: ['transilvania'] }), 'BAD_USER_INPUT', 'input.partnerIds');
      await refused(START_PROJECT, await newProject('Ghost partner', { partnerIds: [`${CLUSTER}:999999`] }), 'BAD_USER_INPUT', 'input.partnerIds');
      await refused(START_PROJECT, await newProject('Negative', { budgetEur: -5 }), 'BAD_USER_INPUT', 'input.budgetEur');
      await refused(START_PROJECT, await newProject('Bad date', { startsOn: '15.01.2027' }), 'BAD_USER_INPUT', 'input.startsOn');
    });

    it('answers CONFLICT to the same title twice, and gives simultaneous projects distinct ids', async () => {
      await ok(START_PROJECT, await newProject('Observatorul IT Banat'));
      await refused(START_PROJECT, await newProject('Observatorul IT Banat'), 'CONFLICT', 'input.title');
      const many = await Promise.all(['Paralel A', 'Paralel B', 'Paralel C', 'Paralel D'].map(async (title) => ok(START_PROJECT, await newProject(title))));
      expect(new Set(many.map((data) => data.startProject.id)).size).toBe(4);
    });

    it('leaves no project behind when a partner row is refused', async () => {
      const counts = await rowCounts(own);
      const restore = await failWrites(own, 'project_partners', 'INSERT', `NEW.member_id = ${UNUSED_FOREIGN_LOCAL_ID}`);
      try {
        await failsInside(START_PROJECT, await newProject('Half written', { partnerIds: [`${FOREIGN}:1`, `${FOREIGN}:${UNUSED_FOREIGN_LOCAL_ID}`] }));
      } finally {
        await restore();
      }
      expect(await rowCounts(own)).toEqual(counts);
    });
  });

  const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id status budgetEur version } }`;

  describe('updateProject', () => {
    it('moves a project forward and changes its budget', async () => {
      const started = (await ok(START_PROJECT, await newProject('Actualizare proiect'))).startProject;
      const updated = (await ok(UPDATE_PROJECT, { input: { id: started.id, version: 1, status: 'ACTIVE', budgetEur: 300_000 } })).updateProject;
      expect(updated).toEqual({ id: started.id, status: 'ACTIVE', budgetEur: 300_000, version: 2 });
    });

    it('refuses going backwards and an end before the start', async () => {
      const started = (await ok(START_PROJECT, await newProject('Proiect finalizat'))).startProject;
      await ok(UPDATE_PROJECT, { input: { id: started.id, version: 1, status: 'COMPLETED' } });
      await refused(UPDATE_PROJECT, { input: { id: started.id, version: 2, status: 'ACTIVE' } }, 'BAD_USER_INPUT', 'input.status');
      await refused(UPDATE_PROJECT, { input: { id: started.id, version: 2, endsOn: '2020-01-01' } }, 'BAD_USER_INPUT', 'input.endsOn');
    });

    it('answers CONFLICT to an edit based on an old read', async () => {
      const started = (await ok(START_PROJECT, await newProject('Proiect disputat'))).startProject;
      await ok(UPDATE_PROJECT, { input: { id: started.id, version: 1, budgetEur: 1 } });
      await refused(UPDATE_PROJECT, { input: { id: started.id, version: 1, budgetEur: 2 } }, 'CONFLICT');
    });

    it('leaves the project as it was when the database refuses the update', async () => {
      const started = (await ok(START_PROJECT, await newProject('Proiect refuzat'))).startProject;
      const restore = await failWrites(own, 'projects', 'UPDATE', 'NEW.budget_eur = 4242');
      try {
        await failsInside(UPDATE_PROJECT, { input: { id: started.id, version: 1, budgetEur: 4242, status: 'ACTIVE' } });
      } finally {
        await restore();
      }
      expect((await ok(`query($id: ID!) { project(id: $id) { status budgetEur version } }`, { id: started.id })).project).toEqual({ status: 'PROPOSED', budgetEur: 250_000, version: 1 });
    });
  });

  const ADD_PARTNER = `mutation($input: AddProjectPartnerInput!) { addProjectPartner(input: $input) { id version partners { id name } } }`;

  describe('addProjectPartner', () => {
    it('adds a foreign partner, recorded by the project’s cluster only', async () => {
      const started = (await ok(START_PROJECT, await newProject('Parteneriat nou'))).startProject;
      const partner = await someMember(FOREIGN);
      const foreignBefore = await rowCounts(foreign);
      const added = (await ok(ADD_PARTNER, { input: { id: started.id, version: 1, memberId: partner.id } })).addProjectPartner;
      expect(added.version).toBe(2);
      expect(added.partners).toEqual([{ id: partner.id, name: expect.any(String) }]);
      expect(await rowCounts(foreign)).toEqual(foreignBefore);
    });

    it('answers each root field of one operation with the rows as they are after the writes before it', async () => {
      const started = (await ok(START_PROJECT, await newProject('Doi parteneri odată'))).startProject;
      const both = await ok(`mutation($id: ID!) { a: addProjectPartner(input: { id: $id, version: 1, memberId: "${FOREIGN}:11" }) { partners { id } } b: addProjectPartner(input: { id: $id, version: 2, memberId: "${FOREIGN}:12" }) { version partners { id } } }`, { id: started.id });
      expect(both.a.partners).toEqual([{ id: `${FOREIGN}:11` }]);
      expect(both.b).toEqual({ version: 3, partners: [{ id: `${FOREIGN}:11` }, { id: `${FOREIGN}:12` }] });
    });

    it('refuses a malformed member id and a completed project', async () => {
      const started = (await ok(START_PROJECT, await newProject('Parteneriat închis'))).startProject;
      await refused(ADD_PARTNER, { input: { id: started.id, version: 1, memberId: '42' } }, 'BAD_USER_INPUT', 'input.memberId');
      await ok(UPDATE_PROJECT, { input: { id: started.id, version: 1, status: 'COMPLETED' } });
      await refused(ADD_PARTNER, { input: { id: started.id, version: 2, memberId: `${FOREIGN}:2` } }, 'BAD_USER_INPUT', 'input.id');
    });

    it('answers CONFLICT to a partner added twice and to a stale version', async () => {
      const started = (await ok(START_PROJECT, await newProject('Parteneriat dublu'))).startProject;
      await ok(ADD_PARTNER, { input: { id: started.id, version: 1, memberId: `${FOREIGN}:3` } });
      await refused(ADD_PARTNER, { input: { id: started.id, version: 2, memberId: `${FOREIGN}:3` } }, 'CONFLICT', 'input.memberId');
      await refused(ADD_PARTNER, { input: { id: started.id, version: 1, memberId: `${FOREIGN}:4` } }, 'CONFLICT');
    });

    it('keeps the version when the partner row is refused', async () => {
      const started = (await ok(START_PROJECT, await newProject('Parteneriat refuzat'))).startProject;
      const restore = await failWrites(own, 'project_partners', 'INSERT', `NEW.member_id = ${UNUSED_FOREIGN_LOCAL_ID}`);
      try {
        await failsInside(ADD_PARTNER, { input: { id: started.id, version: 1, memberId: `${FOREIGN}:${UNUSED_FOREIGN_LOCAL_ID}` } });
      } finally {
        await restore();
      }
      expect((await ok(`query($id: ID!) { project(id: $id) { version partners { id } } }`, { id: started.id })).project).toEqual({ version: 1, partners: [] });
    });
  });

  const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id version engagements { priority member { id } valueEur personDays } } }`;

  describe('recordEngagement', () => {
    it('ranks participants by what they committed', async () => {
      const started = (await ok(START_PROJECT, await newProject('Angajament resurse', { partnerIds: [`${FOREIGN}:5`] }))).startProject;
      const lead = started.lead.id;
      await ok(ENGAGE, { input: { id: started.id, version: 1, memberId: lead, personDays: 20, valueEur: 10_000, resources: 'Two engineers' } });
      const ranked = (await ok(ENGAGE, { input: { id: started.id, version: 2, memberId: `${FOREIGN}:5`, personDays: 60, valueEur: 45_000, resources: 'Lab and a team' } })).recordEngagement;
      expect(ranked.engagements).toEqual([
        { priority: 1, member: { id: `${FOREIGN}:5` }, valueEur: 45_000, personDays: 60 },
        { priority: 2, member: { id: lead }, valueEur: 10_000, personDays: 20 },
      ]);
    });

    it('refuses a member that does not take part, and negative values', async () => {
      const started = (await ok(START_PROJECT, await newProject('Angajament invalid'))).startProject;
      await refused(ENGAGE, { input: { id: started.id, version: 1, memberId: `${FOREIGN}:6`, personDays: 1, valueEur: 1, resources: 'x' } }, 'BAD_USER_INPUT', 'input.memberId');
      await refused(ENGAGE, { input: { id: started.id, version: 1, memberId: started.lead.id, personDays: -1, valueEur: 1, resources: 'x' } }, 'BAD_USER_INPUT', 'input.personDays');
      await refused(ENGAGE, { input: { id: started.id, version: 1, memberId: started.lead.id, personDays: 1, valueEur: 1, resources: '' } }, 'BAD_USER_INPUT', 'input.resources');
    });

    it('answers CONFLICT to a stale version', async () => {
      const started = (await ok(START_PROJECT, await newProject('Angajament concurent'))).startProject;
      await ok(ENGAGE, { input: { id: started.id, version: 1, memberId: started.lead.id, personDays: 1, valueEur: 1, resources: 'x' } });
      await refused(ENGAGE, { input: { id: started.id, version: 1, memberId: started.lead.id, personDays: 2, valueEur: 2, resources: 'y' } }, 'CONFLICT');
    });

    it('keeps the earlier engagement when the new one is refused', async () => {
      const started = (await ok(START_PROJECT, await newProject('Angajament refuzat'))).startProject;
      await ok(ENGAGE, { input: { id: started.id, version: 1, memberId: started.lead.id, personDays: 3, valueEur: 3000, resources: 'first' } });
      const restore = await failWrites(own, 'project_engagements', 'INSERT', 'NEW.value_eur = 4242');
      try {
        await failsInside(ENGAGE, { input: { id: started.id, version: 2, memberId: started.lead.id, personDays: 4, valueEur: 4242, resources: 'second' } });
      } finally {
        await restore();
      }
      const project = (await ok(`query($id: ID!) { project(id: $id) { version engagements { valueEur } } }`, { id: started.id })).project;
      expect(project).toEqual({ version: 2, engagements: [{ valueEur: 3000 }] });
    });
  });

  const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title capacity seatsTaken seatsLeft } }`;
  const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id seatsTaken seatsLeft registrations { member { id name } attendees } } }`;
  const newEvent = (title: string, extra: Record<string, unknown> = {}) => ({
    input: { cluster: CLUSTER, title, kind: 'WORKSHOP', startsOn: '2099-05-20', city: 'Timișoara', capacity: 30, ...extra },
  });

  describe('createEvent', () => {
    it('announces an event', async () => {
      const created = (await ok(CREATE_EVENT, newEvent('Atelier de securitate'))).createEvent;
      expect(created).toMatchObject({ title: 'Atelier de securitate', capacity: 30, seatsTaken: 0, seatsLeft: 30 });
      expect((await ok(`query($id: ID!) { event(id: $id) { title cluster { id } } }`, { id: created.id })).event).toEqual({ title: 'Atelier de securitate', cluster: { id: CLUSTER } });
    });

    it('names the invalid field', async () => {
      await refused(CREATE_EVENT, newEvent('No seats', { capacity: 0 }), 'BAD_USER_INPUT', 'input.capacity');
      await refused(CREATE_EVENT, newEvent('No city', { city: '' }), 'BAD_USER_INPUT', 'input.city');
      await refused(CREATE_EVENT, newEvent('Bad day', { startsOn: '2099-13-01' }), 'BAD_USER_INPUT', 'input.startsOn');
    });

    it('answers CONFLICT to the same event announced twice', async () => {
      await ok(CREATE_EVENT, newEvent('Conferința anuală'));
      await refused(CREATE_EVENT, newEvent('Conferința Anuală'), 'CONFLICT', 'input.title');
    });

    it('announces nothing when the database refuses the write', async () => {
      const counts = await rowCounts(own);
      const restore = await failWrites(own, 'events', 'INSERT', 'NEW.capacity = 4242');
      try {
        await failsInside(CREATE_EVENT, newEvent('Eveniment refuzat', { capacity: 4242 }));
      } finally {
        await restore();
      }
      expect(await rowCounts(own)).toEqual(counts);
    });
  });

  describe('registerForEvent', () => {
    it('registers members of any cluster and counts their seats', async () => {
      const event = (await ok(CREATE_EVENT, newEvent('Întâlnire B2B'))).createEvent;
      const mine = await someMember();
      await ok(REGISTER, { input: { id: event.id, memberId: mine.id, attendees: 2 } });
      const after = (await ok(REGISTER, { input: { id: event.id, memberId: `${FOREIGN}:7`, attendees: 3 } })).registerForEvent;
      expect(after).toMatchObject({ seatsTaken: 5, seatsLeft: 25 });
      expect(after.registrations.map((r: { member: { id: string } }) => r.member.id).sort()).toEqual([mine.id, `${FOREIGN}:7`].sort());
    });

    it('refuses no attendees and an event that took place', async () => {
      const event = (await ok(CREATE_EVENT, newEvent('Zero'))).createEvent;
      await refused(REGISTER, { input: { id: event.id, memberId: (await someMember()).id, attendees: 0 } }, 'BAD_USER_INPUT', 'input.attendees');
      const past = (await ok(CREATE_EVENT, newEvent('Trecut', { startsOn: '2001-01-01' }))).createEvent;
      await refused(REGISTER, { input: { id: past.id, memberId: (await someMember()).id, attendees: 1 } }, 'BAD_USER_INPUT', 'input.id');
    });

    it('never overbooks: of simultaneous registrations for the last seats one gets CONFLICT', async () => {
      const event = (await ok(CREATE_EVENT, newEvent('Locuri puține', { capacity: 5 }))).createEvent;
      const answers = await Promise.all([8, 9].map((local) => send(REGISTER, { input: { id: event.id, memberId: `${FOREIGN}:${local}`, attendees: 3 } })));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.find((answer) => answer.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.attendees', seatsLeft: 2 });
      await refused(REGISTER, { input: { id: event.id, memberId: `${FOREIGN}:${answers[0]!.errors ? 9 : 8}`, attendees: 1 } }, 'CONFLICT', 'input.memberId');
      expect((await ok(`query($id: ID!) { event(id: $id) { seatsTaken } }`, { id: event.id })).event.seatsTaken).toBe(3);
    });

    it('gives the seats back when the registration row is refused', async () => {
      const event = (await ok(CREATE_EVENT, newEvent('Înregistrare refuzată'))).createEvent;
      const restore = await failWrites(own, 'event_registrations', 'INSERT', `NEW.member_id = ${UNUSED_FOREIGN_LOCAL_ID}`);
      try {
        await failsInside(REGISTER, { input: { id: event.id, memberId: `${FOREIGN}:${UNUSED_FOREIGN_LOCAL_ID}`, attendees: 4 } });
      } finally {
        await restore();
      }
      expect((await ok(`query($id: ID!) { event(id: $id) { seatsTaken registrations { attendees } } }`, { id: event.id })).event).toEqual({ seatsTaken: 0, registrations: [] });
    });
  });
});
