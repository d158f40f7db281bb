import type { Faker } from '@faker-js/faker';
import { InitiativeStatus } from '../../subgraphs/cluster/src/governance/governance-enums';
import { ProjectStatus } from '../../subgraphs/cluster/src/project/project-status';
import { INITIATIVE_SUBJECTS } from './activity-catalog';
import { heldOn, isActiveOn, type BoardTerm, type ClusterSetting } from './activity-context';
import { initiativeDescription, meetingMinutes, ofNewMembers } from './activity-text';
import { executiveDirectorOn, representativeOn, type Directory } from './generate-people';
import { groupsFormedBy, type PlannedGroup } from './generate-working-groups';
import { addDays, dateBetween, isoDate, spelledDate, TODAY, weekdayOf } from './seed-dates';
import type { SeedBoardMeeting, SeedEvent, SeedInitiative, SeedProject } from './seed-rows';

/** Minutes take a few weeks to be written and approved: later meetings have none yet. */
const MINUTES_UNTIL = addDays(TODAY, -21);
/** Meetings are scheduled to the end of the year. */
const SCHEDULED_UNTIL = '2026-12-31';

export interface BoardBusiness {
  meetings: SeedBoardMeeting[];
  initiatives: SeedInitiative[];
}

export interface BusinessContext {
  setting: ClusterSetting;
  directory: Directory;
  terms: readonly BoardTerm[];
  groups: readonly PlannedGroup[];
  projects: readonly SeedProject[];
  events: readonly SeedEvent[];
}

/**
 * The board's meetings of the last two terms (twice a month on a fixed weekday, once in August,
 * now and then one skipped), the initiatives brought to them and the minutes. Only two terms, so
 * the tables stay a few hundred rows per cluster.
 */
export function generateBoardBusiness(faker: Faker, context: BusinessContext): BoardBusiness {
  const meetings = scheduleMeetings(faker, context);
  const initiatives = generateInitiatives(faker, context, meetings);
  for (const [index, meeting] of meetings.entries()) {
    if (meeting.heldOn > MINUTES_UNTIL) continue;
    const term = termOn(context.terms, meeting.heldOn);
    meeting.minutesRecordedOn = addDays(meeting.heldOn, faker.number.int({ min: 2, max: 12 }));
    meeting.minutes = meetingMinutes(faker, {
      clusterName: context.setting.cluster.name,
      heldOn: meeting.heldOn,
      seats: term.seats.length,
      chair: context.directory.people.find((person) => person.id === meeting.chairPersonId)?.name ?? '',
      delegated: !term.seats.some((seat) => seat.president && seat.personId === meeting.chairPersonId),
      agenda: agenda(faker, context, meeting, meetings[index - 1]?.heldOn, initiatives),
      decisions: initiatives.filter((initiative) => initiative.decidedAtMeetingId === meeting.id),
      nextMeeting: meetings[index + 1]?.heldOn,
    });
  }
  return { meetings, initiatives };
}

function termOn(terms: readonly BoardTerm[], date: string): BoardTerm {
  const term = terms.filter((candidate) => candidate.board.termStart <= date).at(-1);
  if (!term) throw new RangeError(`no board in office on ${date}`);
  return term;
}

/** The `nth` given weekday of a month (1st, 2nd, …). */
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = isoDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1));
}

function scheduleMeetings(faker: Faker, context: BusinessContext): SeedBoardMeeting[] {
  const { setting, directory, terms } = context;
  const start = terms.at(-2)?.board.termStart ?? terms[0]!.board.termStart;
  const weekday = faker.number.int({ min: 2, max: 4 });
  const weeks = faker.datatype.boolean() ? [1, 3] : [2, 4];
  const meetings: SeedBoardMeeting[] = [];
  for (let year = Number(start.slice(0, 4)), month = Number(start.slice(5, 7)); year < 2027; month === 12 ? ((month = 1), year++) : month++) {
    for (const week of weeks) {
      const date = nthWeekday(year, month, weekday, week);
      if (date <= start || date > SCHEDULED_UNTIL || (month === 8 && week === weeks[0]) || faker.datatype.boolean({ probability: 0.05 })) continue;
      const term = termOn(terms, date);
      const president = term.seats.find((seat) => seat.president)!.personId;
      // Now and then the president delegates the chair to the executive director.
      const delegate = faker.datatype.boolean({ probability: 0.08 }) ? executiveDirectorOn(directory, date) : undefined;
      meetings.push({
        clusterId: setting.cluster.id,
        id: meetings.length + 1,
        boardId: term.board.id,
        heldOn: date,
        chairPersonId: delegate ?? president,
        minutes: null,
        minutesRecordedOn: null,
      });
    }
  }
  return meetings;
}

/**
 * Fifteen to thirty-five initiatives over the two terms, seven in ten brought by a member through
 * its representative (often one taking part in the group of the subject), the others by the
 * staff. The board decides most within its next three meetings; the newest few wait.
 */
function generateInitiatives(faker: Faker, context: BusinessContext, meetings: readonly SeedBoardMeeting[]): SeedInitiative[] {
  const { setting, directory, groups } = context;
  const count = faker.number.int({ min: 15, max: 35 });
  const subjects = faker.helpers.arrayElements(INITIATIVE_SUBJECTS, count);
  const first = meetings[0]?.heldOn ?? TODAY;
  const dates = subjects.map(() => dateBetween(faker, addDays(first, -20), addDays(TODAY, -5))).sort();
  const waiting = faker.number.int({ min: 2, max: 4 });
  const held = meetings.filter((meeting) => meeting.heldOn <= TODAY);
  return subjects.map((subject, index) => {
    const proposedOn = dates[index]!;
    const topical = groupsFormedBy(groups, proposedOn).find((group) => group.template.topic === subject.topic);
    const group = topical && faker.datatype.boolean({ probability: 0.8 }) ? topical : undefined;

    let proposedByMemberId: number | null = null;
    let proposedByPersonId: number;
    let proposer: string;
    const members = setting.members.filter((member) => isActiveOn(member, proposedOn) && representativeOn(directory, member.id, proposedOn) !== undefined);
    if (members.length > 0 && faker.datatype.boolean({ probability: 0.7 })) {
      const inGroup = group ? members.filter((member) => group.participants.has(member.id)) : [];
      const member = faker.helpers.arrayElement(inGroup.length > 0 && faker.datatype.boolean({ probability: 0.6 }) ? inGroup : members);
      proposedByMemberId = member.id;
      proposedByPersonId = representativeOn(directory, member.id, proposedOn)!;
      proposer = member.name;
    } else {
      const staff = [...directory.executiveDirectors, ...directory.staff].filter((tenure) => heldOn(tenure, proposedOn));
      proposedByPersonId = faker.helpers.arrayElement(staff).personId;
      const person = directory.people.find((candidate) => candidate.id === proposedByPersonId)!;
      proposer = `echipa executivă (${person.name}, ${person.jobTitle})`;
    }

    let status = InitiativeStatus.PROPOSED;
    let decidedAtMeetingId: number | null = null;
    const next = held.filter((meeting) => meeting.heldOn > proposedOn).slice(0, 3);
    if (index < count - waiting && next.length > 0) {
      decidedAtMeetingId = faker.helpers.arrayElement(next).id;
      status = faker.datatype.boolean({ probability: 0.7 }) ? InitiativeStatus.APPROVED : InitiativeStatus.REJECTED;
    }
    return {
      clusterId: setting.cluster.id,
      id: index + 1,
      title: subject.title,
      description: initiativeDescription(subject.why, proposer, group?.row.name),
      proposedByMemberId,
      proposedByPersonId,
      proposedOn,
      status,
      decidedAtMeetingId,
      workingGroupId: group?.row.id ?? null,
    };
  });
}

function agenda(faker: Faker, context: BusinessContext, meeting: SeedBoardMeeting, previous: string | undefined, initiatives: readonly SeedInitiative[]): string[] {
  const { setting, projects, events } = context;
  const items = ['Raportul directorului executiv privind activitatea curentă.'];
  const since = previous ?? addDays(meeting.heldOn, -14);
  const joined = setting.members.filter((member) => member.joinedOn > since && member.joinedOn <= meeting.heldOn).length;
  if (joined > 0) items.push(`Aprobarea aderării ${ofNewMembers(joined)}.`);
  if (initiatives.some((initiative) => initiative.decidedAtMeetingId === meeting.id)) items.push('Analiza inițiativelor depuse de membri și de echipa executivă.');
  const event = events.find((candidate) => candidate.startsOn > meeting.heldOn && candidate.startsOn <= addDays(meeting.heldOn, 45));
  if (event) items.push(`Pregătirea evenimentului „${event.title}” din ${spelledDate(event.startsOn)}.`);
  const running = projects.filter((project) => project.status === ProjectStatus.ACTIVE && project.startedOn <= meeting.heldOn);
  if (running.length > 0 && faker.datatype.boolean({ probability: 0.3 })) items.push(`Stadiul proiectului „${faker.helpers.arrayElement(running).title}”.`);
  items.push(faker.helpers.arrayElement(['Situația încasării cotizațiilor.', 'Rapoartele grupurilor de lucru.', 'Solicitările de servicii primite de la membri.', 'Diverse.']));
  return items;
}
