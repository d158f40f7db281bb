import type { Faker } from '@faker-js/faker';
import type { FoundingCluster } from '../../shared/network-catalog';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import { ProjectStatus } from '../../subgraphs/cluster/src/project/project-status';
import { annualFee } from './activity-catalog';
import { memberKey } from './activity-context';
import { addDays, addMonths, dateBetween, isoDate, maxDate, minDate, TODAY, yearOf } from './seed-dates';
import type { CoreMember, CoreProject, SeedMember, SeedMembershipFee } from './seed-rows';

/** The last day the data has anyone join: the newest members are a few weeks old. */
const LAST_JOIN = '2026-10-31';

/** The cluster's constituent assembly: a spring day between 2012 and 2016. */
export function foundingDay(faker: Faker): string {
  return isoDate(faker.number.int({ min: 2012, max: 2016 }), faker.number.int({ min: 3, max: 5 }), faker.number.int({ min: 1, max: 28 }));
}

/**
 * The earliest day each member took part in a project (as lead or partner, in any cluster): it
 * had joined its cluster before that, so join dates stay consistent with the existing projects.
 */
export function firstParticipation(projects: readonly CoreProject[]): Map<string, string> {
  const first = new Map<string, string>();
  const note = (key: string, date: string) => first.set(key, minDate(first.get(key) ?? date, date));
  for (const project of projects) {
    note(memberKey(project.clusterId, project.leadMemberId), project.startedOn);
    for (const partner of project.partners) note(memberKey(partner.clusterId, partner.memberId), project.startedOn);
  }
  return first;
}

/**
 * Join dates, standings and voting rights of one cluster's members. Local ids follow the order of
 * joining (a quarter to two fifths are founding members), except where a member's own history
 * overrides it: nobody joins before the organisation existed, and a project participant had
 * joined a month before the project started (when the organisation existed by then).
 */
export function generateMemberships(
  faker: Faker,
  cluster: FoundingCluster,
  foundedOn: string,
  members: readonly CoreMember[],
  projects: readonly CoreProject[],
  participation: ReadonlyMap<string, string>,
): SeedMember[] {
  const founders = Math.round(members.length * faker.number.float({ min: 0.25, max: 0.4 }));
  const slots = Array.from({ length: members.length - founders }, () => dateBetween(faker, addDays(foundedOn, 1), LAST_JOIN)).sort();
  const joined = members.map((member, index) => {
    const slot = index < founders ? foundedOn : slots[index - founders]!;
    const earliest = maxDate(foundedOn, `${member.founded}-02-01`);
    const first = participation.get(memberKey(cluster.id, member.id));
    const latest = first === undefined ? LAST_JOIN : minDate(LAST_JOIN, addDays(first, -30));
    let joinedOn = slot;
    if (slot < earliest) joinedOn = dateBetween(faker, earliest, minDate(LAST_JOIN, addMonths(earliest, 18)));
    else if (slot > latest) joinedOn = maxDate(earliest, addDays(latest, -faker.number.int({ min: 0, max: 365 })));
    return { member, joinedOn };
  });

  // Members that left or were suspended: never the lead of a running project, never a newcomer.
  const leads = new Set(projects.filter((project) => project.clusterId === cluster.id && project.status !== ProjectStatus.COMPLETED).map((project) => project.leadMemberId));
  const candidates = joined.filter(({ member, joinedOn }) => !leads.has(member.id) && joinedOn <= '2025-06-30');
  const leftCount = Math.max(1, Math.round(members.length * 0.03));
  const suspendedCount = Math.max(1, Math.round(members.length * 0.04));
  const changed = faker.helpers.arrayElements(candidates, leftCount + suspendedCount).map(({ member }) => member.id);
  const left = new Set(changed.slice(0, leftCount));
  const suspended = new Set(changed.slice(leftCount));

  return joined.map(({ member, joinedOn }) => {
    let membershipStatus = MembershipStatus.ACTIVE;
    let statusSince = joinedOn;
    if (left.has(member.id)) {
      membershipStatus = MembershipStatus.LEFT;
      statusSince = dateBetween(faker, addMonths(joinedOn, 12), LAST_JOIN);
    } else if (suspended.has(member.id)) {
      // Suspension follows unpaid fees, so it is recent.
      membershipStatus = MembershipStatus.SUSPENDED;
      statusSince = dateBetween(faker, maxDate(addMonths(joinedOn, 12), '2025-03-01'), LAST_JOIN);
    }
    // Associate members (some communities and authorities) take part without a vote.
    const associate =
      (member.kind === MemberKind.COMMUNITY && faker.datatype.boolean({ probability: 0.5 })) ||
      (member.kind === MemberKind.PUBLIC_AUTHORITY && faker.datatype.boolean({ probability: 0.4 }));
    const votingRight = membershipStatus !== MembershipStatus.LEFT && !associate;
    return { ...member, joinedOn, membershipStatus, statusSince, votingRight };
  });
}

/**
 * One fee a year from the year of joining: to 2026 for active members (about one in ten has not
 * paid 2026 yet), to the year before a suspension, to about the year a member left.
 */
export function generateFees(faker: Faker, members: readonly SeedMember[]): SeedMembershipFee[] {
  const fees: SeedMembershipFee[] = [];
  for (const member of members) {
    const first = yearOf(member.joinedOn);
    let last: number;
    if (member.membershipStatus === MembershipStatus.ACTIVE) last = faker.datatype.boolean({ probability: 0.1 }) && first < 2026 ? 2025 : 2026;
    else if (member.membershipStatus === MembershipStatus.SUSPENDED) last = yearOf(member.statusSince) - 1;
    else last = yearOf(member.statusSince) - faker.number.int({ min: 0, max: 1 });
    const amountEur = annualFee(member.kind, member.employees);
    // Nothing is paid after a member left.
    const until = member.membershipStatus === MembershipStatus.LEFT ? addDays(member.statusSince, -1) : TODAY;
    for (let year = first; year <= last; year++) {
      // New members pay within weeks of joining; the others in the first months of the year.
      const paidOn = year === first ? addDays(member.joinedOn, faker.number.int({ min: 3, max: 40 })) : dateBetween(faker, `${year}-01-10`, `${year}-04-30`);
      if (year === first || `${year}-01-10` <= until) fees.push({ clusterId: member.clusterId, memberId: member.id, year, amountEur, paidOn: maxDate(member.joinedOn, minDate(paidOn, until)) });
    }
  }
  return fees;
}
