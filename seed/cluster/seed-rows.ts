import type { CompetenceKind } from '../../shared/competences';
import type { EventKind } from '../../subgraphs/cluster/src/event/event-kind';
import type { AssemblyKind, InitiativeStatus } from '../../subgraphs/cluster/src/governance/governance-enums';
import type { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import type { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import type { PersonRoleKind } from '../../subgraphs/cluster/src/person/person-role';
import type { ProjectStatus } from '../../subgraphs/cluster/src/project/project-status';
import type { ServiceRequestStatus } from '../../subgraphs/cluster/src/service/service-request-status';

/**
 * The generated rows, as plain data: one interface per table, named by what the row is. Every row
 * carries its cluster id; dates are ISO `YYYY-MM-DD` strings. Rows that name a member of another
 * cluster (partners, engagements, registrations) say which cluster with `memberClusterId`.
 */

export interface SeedMember {
  clusterId: string;
  id: number;
  name: string;
  kind: MemberKind;
  employees: number;
  city: string;
  founded: number;
  joinedOn: string;
  membershipStatus: MembershipStatus;
  /** The day the status began: the join date for active members. */
  statusSince: string;
  votingRight: boolean;
}

export interface SeedPartner {
  clusterId: string;
  memberId: number;
}

export interface SeedProject {
  clusterId: string;
  id: number;
  title: string;
  status: ProjectStatus;
  leadMemberId: number;
  startedOn: string;
  budgetEur: number;
  partners: SeedPartner[];
  description: string;
  endsOn: string | null;
  workingGroupId: number | null;
  underNda: boolean;
}

export interface SeedMembershipFee {
  clusterId: string;
  memberId: number;
  year: number;
  amountEur: number;
  paidOn: string;
}

export interface SeedPerson {
  clusterId: string;
  id: number;
  name: string;
  /** Null for the cluster's own staff. */
  memberId: number | null;
  jobTitle: string;
}

export interface SeedPersonRole {
  clusterId: string;
  id: number;
  personId: number;
  role: PersonRoleKind;
  since: string;
  /** Null while the role is held. */
  until: string | null;
  memberId: number | null;
  boardId: number | null;
  workingGroupId: number | null;
}

export interface SeedGeneralAssembly {
  clusterId: string;
  id: number;
  heldOn: string;
  kind: AssemblyKind;
  membersPresent: number;
  votesCast: number;
  resolutions: string;
}

export interface SeedBoard {
  clusterId: string;
  id: number;
  electedAtAssemblyId: number;
  termStart: string;
  termEnd: string;
}

export interface SeedBoardMeeting {
  clusterId: string;
  id: number;
  boardId: number;
  heldOn: string;
  chairPersonId: number;
  minutes: string | null;
  minutesRecordedOn: string | null;
}

export interface SeedInitiative {
  clusterId: string;
  id: number;
  title: string;
  description: string;
  proposedByMemberId: number | null;
  proposedByPersonId: number;
  proposedOn: string;
  status: InitiativeStatus;
  decidedAtMeetingId: number | null;
  workingGroupId: number | null;
}

export interface SeedKpi {
  clusterId: string;
  id: number;
  /** The executive director the KPI was negotiated with. */
  personId: number;
  name: string;
  unit: string;
  target: number;
  actual: number | null;
  periodStart: string;
  periodEnd: string;
}

export interface SeedWorkingGroup {
  clusterId: string;
  id: number;
  name: string;
  objective: string;
  formedOn: string;
}

export interface SeedWorkingGroupMember {
  clusterId: string;
  workingGroupId: number;
  memberId: number;
  joinedOn: string;
}

export interface SeedEngagement {
  /** The project's cluster, which keeps the row. */
  clusterId: string;
  projectId: number;
  memberClusterId: string;
  memberId: number;
  personDays: number;
  valueEur: number;
  committedOn: string;
  resources: string;
}

export interface SeedService {
  clusterId: string;
  id: number;
  name: string;
  description: string;
  memberPriceEur: number;
  marketPriceEur: number;
  active: boolean;
}

export interface SeedServiceRequest {
  clusterId: string;
  id: number;
  serviceId: number;
  memberId: number;
  requestedOn: string;
  status: ServiceRequestStatus;
  note: string;
}

export interface SeedEvent {
  clusterId: string;
  id: number;
  title: string;
  kind: EventKind;
  startsOn: string;
  city: string;
  capacity: number;
  /** The sum of the registrations' attendees. */
  seatsTaken: number;
  workingGroupId: number | null;
}

export interface SeedEventRegistration {
  /** The event's cluster, which keeps the row. */
  clusterId: string;
  eventId: number;
  memberClusterId: string;
  memberId: number;
  attendees: number;
  registeredOn: string;
}

/** Everything a cluster records besides its members and projects. */
export interface ClusterActivity {
  membershipFees: SeedMembershipFee[];
  people: SeedPerson[];
  personRoles: SeedPersonRole[];
  generalAssemblies: SeedGeneralAssembly[];
  boards: SeedBoard[];
  boardMeetings: SeedBoardMeeting[];
  initiatives: SeedInitiative[];
  kpis: SeedKpi[];
  workingGroups: SeedWorkingGroup[];
  workingGroupMembers: SeedWorkingGroupMember[];
  engagements: SeedEngagement[];
  services: SeedService[];
  serviceRequests: SeedServiceRequest[];
  events: SeedEvent[];
  eventRegistrations: SeedEventRegistration[];
}

/** One entry of a member's competences (see shared/competences.ts). */
export interface SeedCompetence {
  clusterId: string;
  memberId: number;
  kind: CompetenceKind;
  code: string;
}

export interface ClusterData {
  members: SeedMember[];
  projects: SeedProject[];
  /** Present in generated data; optional for the same reason as `activity`. */
  competences?: SeedCompetence[];
  /**
   * Always present in generated data. Optional because data sets derived by reshaping members and
   * projects (the benchmarks spread one cluster's rows over several) cannot keep its references.
   */
  activity?: ClusterActivity;
}

/** A member as the first generator draws it, before its membership is known. */
export type CoreMember = Omit<SeedMember, 'joinedOn' | 'membershipStatus' | 'statusSince' | 'votingRight'>;

/** A project as the first generator draws it, before its working group and details are known. */
export type CoreProject = Omit<SeedProject, 'description' | 'endsOn' | 'workingGroupId' | 'underNda'>;
