import type { Faker } from '@faker-js/faker';
import type { FoundingCluster } from '../../shared/network-catalog';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import type { SeedBoard, SeedMember, SeedPersonRole } from './seed-rows';

/** One cluster as the activity generators see it: its catalog entry, founding day and members. */
export interface ClusterSetting {
  cluster: FoundingCluster;
  /** The constituent General Assembly: the founding members joined that day. */
  foundedOn: string;
  members: readonly SeedMember[];
  memberById: ReadonlyMap<number, SeedMember>;
}

/** A seat on a board: a member's representative, the president or a director. */
export interface Seat {
  personId: number;
  memberId: number;
  president: boolean;
}

export interface BoardTerm {
  board: SeedBoard;
  seats: Seat[];
  /** The day the next board took over; null for the board in office. */
  replacedOn: string | null;
}

/** A role before the cluster's roles are numbered (chronologically, once all are known). */
export type RoleDraft = Omit<SeedPersonRole, 'clusterId' | 'id'>;

/** A person's hold of something over a period; `until` null while it lasts. */
export interface Tenure {
  personId: number;
  since: string;
  until: string | null;
}

export function memberKey(clusterId: string, memberId: number): string {
  return `${clusterId}:${memberId}`;
}

/** Whether `member` belonged to its cluster (and was in good standing) on `date`. */
export function isActiveOn(member: SeedMember, date: string): boolean {
  if (member.joinedOn > date) return false;
  return member.membershipStatus === MembershipStatus.ACTIVE || member.statusSince > date;
}

/** Whether `member` had a vote in the General Assembly on `date` (members that left had one before). */
export function votedOn(member: SeedMember, date: string): boolean {
  return isActiveOn(member, date) && (member.votingRight || member.membershipStatus === MembershipStatus.LEFT);
}

export function heldOn(tenure: Tenure, date: string): boolean {
  return tenure.since <= date && (tenure.until === null || tenure.until > date);
}

/** Which of the network's vocabularies a member draws from. */
export function kindGroup(kind: MemberKind): 'company' | 'academia' | 'organisation' {
  switch (kind) {
    case MemberKind.STARTUP:
    case MemberKind.SME:
    case MemberKind.LARGE_ENTERPRISE:
      return 'company';
    case MemberKind.UNIVERSITY:
    case MemberKind.RESEARCH_INSTITUTE:
      return 'academia';
    case MemberKind.PUBLIC_AUTHORITY:
    case MemberKind.CATALYST:
    case MemberKind.COMMUNITY:
      return 'organisation';
  }
}

/** `count` distinct elements, each draw weighted among those left. */
export function weightedSample<T>(faker: Faker, pool: readonly T[], count: number, weight: (item: T) => number): T[] {
  const left = [...pool];
  const chosen: T[] = [];
  while (chosen.length < count && left.length > 0) {
    const index = faker.helpers.weightedArrayElement(left.map((item, position) => ({ value: position, weight: weight(item) })));
    chosen.push(left[index]!);
    left.splice(index, 1);
  }
  return chosen;
}

/** Numbers rows by `date` (oldest first; stable, so equal dates keep their drawing order). */
export function numberByDate<T extends object>(rows: readonly T[], date: (row: T) => string): Array<T & { id: number }> {
  return [...rows]
    .sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0))
    .map((row, index) => ({ ...row, id: index + 1 }));
}

/** `1.250.000`: thousands grouped the Romanian way, without locale data. */
export function formatEur(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
