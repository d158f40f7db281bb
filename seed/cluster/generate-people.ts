import type { Faker } from '@faker-js/faker';
import { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import { PersonRoleKind } from '../../subgraphs/cluster/src/person/person-role';
import { OTHER_TITLES, REPRESENTATIVE_TITLES, STAFF_TITLES } from './activity-catalog';
import { heldOn, kindGroup, type ClusterSetting, type RoleDraft, type Tenure } from './activity-context';
import { addMonths, dateBetween, maxDate, minDate, yearOf } from './seed-dates';
import type { SeedPerson } from './seed-rows';

/** A cluster's people and who held which standing role when: what governance draws on. */
export interface Directory {
  people: SeedPerson[];
  roles: RoleDraft[];
  /** Each member's representatives, oldest first. */
  representatives: ReadonlyMap<number, readonly Tenure[]>;
  executiveDirectors: readonly Tenure[];
  /** The staff under the executive director. */
  staff: readonly Tenure[];
}

interface PersonDraft {
  name: string;
  memberId: number | null;
  jobTitle: string;
  /** When the person enters the directory: people are numbered in that order. */
  since: string;
  id: number;
}

interface RoleOf {
  person: PersonDraft;
  role: PersonRoleKind;
  since: string;
  until: string | null;
  memberId: number | null;
}

/**
 * Every member's representative (about one older member in eight had another before), further
 * people some members list, and the cluster's staff: an executive director (half the older
 * clusters changed theirs once, before 2024, so the current one owns the 2024–2026 KPIs) and two
 * to four employees, sometimes with a former one.
 */
export function generatePeople(faker: Faker, setting: ClusterSetting): Directory {
  const names = new Set<string>();
  const drafts: PersonDraft[] = [];
  const roles: RoleOf[] = [];
  const person = (memberId: number | null, jobTitle: string, since: string): PersonDraft => {
    let name = personName(faker);
    while (names.has(name)) name = personName(faker);
    names.add(name);
    const draft = { name, memberId, jobTitle, since, id: 0 };
    drafts.push(draft);
    return draft;
  };
  const hold = (holder: PersonDraft, role: PersonRoleKind, since: string, until: string | null, memberId: number | null = null) =>
    roles.push({ person: holder, role, since, until, memberId });

  const { foundedOn } = setting;
  const firstDirector = person(null, 'Executive Director', foundedOn);
  if (yearOf(foundedOn) <= 2019 && faker.datatype.boolean()) {
    const handover = dateBetween(faker, addMonths(foundedOn, 30), '2023-06-30');
    hold(firstDirector, PersonRoleKind.EXECUTIVE_DIRECTOR, foundedOn, handover);
    hold(person(null, 'Executive Director', handover), PersonRoleKind.EXECUTIVE_DIRECTOR, handover, null);
  } else {
    hold(firstDirector, PersonRoleKind.EXECUTIVE_DIRECTOR, foundedOn, null);
  }
  for (const title of faker.helpers.arrayElements(STAFF_TITLES, { min: 2, max: 4 })) {
    const since = dateBetween(faker, addMonths(foundedOn, 3), '2025-09-30');
    hold(person(null, title, since), PersonRoleKind.STAFF, since, null);
  }
  if (faker.datatype.boolean()) {
    const since = dateBetween(faker, addMonths(foundedOn, 3), '2020-12-31');
    const until = minDate(addMonths(since, faker.number.int({ min: 12, max: 48 })), '2025-12-31');
    hold(person(null, faker.helpers.arrayElement(STAFF_TITLES), since), PersonRoleKind.STAFF, since, until);
  }

  for (const member of setting.members) {
    const titles = REPRESENTATIVE_TITLES[member.kind];
    const end = member.membershipStatus === MembershipStatus.LEFT ? member.statusSince : null;
    let since = member.joinedOn;
    const lastChange = end === null ? '2026-06-30' : addMonths(end, -6);
    if (member.joinedOn <= '2020-12-31' && faker.datatype.boolean({ probability: 0.12 }) && addMonths(member.joinedOn, 24) < lastChange) {
      const handover = dateBetween(faker, addMonths(member.joinedOn, 24), lastChange);
      hold(person(member.id, faker.helpers.arrayElement(titles), since), PersonRoleKind.REPRESENTATIVE, since, handover, member.id);
      since = handover;
    }
    hold(person(member.id, faker.helpers.arrayElement(titles), since), PersonRoleKind.REPRESENTATIVE, since, end, member.id);
    if (faker.datatype.boolean({ probability: 0.35 })) {
      for (const title of faker.helpers.arrayElements(OTHER_TITLES[kindGroup(member.kind)], { min: 1, max: 2 })) {
        person(member.id, title, maxDate(member.joinedOn, since));
      }
    }
  }

  // People are numbered in the order they entered the directory.
  [...drafts].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).forEach((draft, index) => (draft.id = index + 1));
  const tenures = (kind: PersonRoleKind) =>
    roles.filter((role) => role.role === kind).map((role) => ({ personId: role.person.id, since: role.since, until: role.until }));
  const representatives = new Map<number, Tenure[]>();
  for (const role of roles) {
    if (role.role !== PersonRoleKind.REPRESENTATIVE || role.memberId === null) continue;
    const list = representatives.get(role.memberId) ?? [];
    list.push({ personId: role.person.id, since: role.since, until: role.until });
    representatives.set(role.memberId, list);
  }
  return {
    people: drafts
      .map((draft) => ({ clusterId: setting.cluster.id, id: draft.id, name: draft.name, memberId: draft.memberId, jobTitle: draft.jobTitle }))
      .sort((a, b) => a.id - b.id),
    roles: roles.map((role) => ({
      personId: role.person.id,
      role: role.role,
      since: role.since,
      until: role.until,
      memberId: role.memberId,
      boardId: null,
      workingGroupId: null,
    })),
    representatives,
    executiveDirectors: tenures(PersonRoleKind.EXECUTIVE_DIRECTOR),
    staff: tenures(PersonRoleKind.STAFF),
  };
}

function personName(faker: Faker): string {
  const sex = faker.person.sexType();
  return `${faker.person.firstName(sex)} ${faker.person.lastName(sex)}`;
}

/** The person representing `memberId` on `date`, if any. */
export function representativeOn(directory: Directory, memberId: number, date: string): number | undefined {
  return directory.representatives.get(memberId)?.find((tenure) => heldOn(tenure, date))?.personId;
}

/** The representative who held the seat for the whole of [from, to): a board needs one person. */
export function steadyRepresentative(directory: Directory, memberId: number, from: string, to: string): number | undefined {
  const tenure = directory.representatives.get(memberId)?.find((candidate) => heldOn(candidate, from));
  return tenure && (tenure.until === null || tenure.until >= to) ? tenure.personId : undefined;
}

/** The executive director in office on `date`. */
export function executiveDirectorOn(directory: Directory, date: string): number | undefined {
  return directory.executiveDirectors.find((tenure) => heldOn(tenure, date))?.personId;
}
