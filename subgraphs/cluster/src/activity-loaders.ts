import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { rowsByCluster, rowsById, rowsByParent } from './db/row-loaders';
import { EngagementEntity } from './engagement/engagement.entity';
import { EventRegistrationEntity } from './event/event-registration.entity';
import { EventEntity } from './event/event.entity';
import { BoardMeetingEntity } from './governance/board-meeting.entity';
import { BoardEntity } from './governance/board.entity';
import { GeneralAssemblyEntity } from './governance/general-assembly.entity';
import { InitiativeEntity } from './governance/initiative.entity';
import { KpiEntity } from './governance/kpi.entity';
import { MembershipFeeEntity } from './membership/membership-fee.entity';
import { PersonRoleEntity } from './person/person-role.entity';
import { PersonEntity } from './person/person.entity';
import { ProjectEntity } from './project/project.entity';
import { ServiceRequestEntity } from './service/service-request.entity';
import { ServiceEntity } from './service/service.entity';
import { WorkingGroupMemberEntity } from './working-group/working-group-member.entity';
import { WorkingGroupEntity } from './working-group/working-group.entity';

/** Loaders of the cluster's activity beyond members and projects: keys are global or cluster ids. */
export interface ActivityLoaders {
  feesOfMember: DataLoader<string, MembershipFeeEntity[]>;
  personById: DataLoader<string, PersonEntity | null>;
  peopleOfMember: DataLoader<string, PersonEntity[]>;
  peopleOfCluster: DataLoader<string, PersonEntity[]>;
  rolesOfPerson: DataLoader<string, PersonRoleEntity[]>;
  rolesOfMember: DataLoader<string, PersonRoleEntity[]>;
  rolesOfBoard: DataLoader<string, PersonRoleEntity[]>;
  rolesOfWorkingGroup: DataLoader<string, PersonRoleEntity[]>;
  rolesOfCluster: DataLoader<string, PersonRoleEntity[]>;
  assemblyById: DataLoader<string, GeneralAssemblyEntity | null>;
  assembliesOfCluster: DataLoader<string, GeneralAssemblyEntity[]>;
  boardById: DataLoader<string, BoardEntity | null>;
  boardsOfCluster: DataLoader<string, BoardEntity[]>;
  meetingById: DataLoader<string, BoardMeetingEntity | null>;
  meetingsOfBoard: DataLoader<string, BoardMeetingEntity[]>;
  initiativeById: DataLoader<string, InitiativeEntity | null>;
  initiativesOfMeeting: DataLoader<string, InitiativeEntity[]>;
  initiativesOfWorkingGroup: DataLoader<string, InitiativeEntity[]>;
  kpisOfCluster: DataLoader<string, KpiEntity[]>;
  workingGroupById: DataLoader<string, WorkingGroupEntity | null>;
  workingGroupsOfCluster: DataLoader<string, WorkingGroupEntity[]>;
  participantsOfWorkingGroup: DataLoader<string, WorkingGroupMemberEntity[]>;
  workingGroupsOfMember: DataLoader<string, WorkingGroupMemberEntity[]>;
  projectsOfWorkingGroup: DataLoader<string, ProjectEntity[]>;
  serviceById: DataLoader<string, ServiceEntity | null>;
  servicesOfCluster: DataLoader<string, ServiceEntity[]>;
  serviceRequestById: DataLoader<string, ServiceRequestEntity | null>;
  requestsOfService: DataLoader<string, ServiceRequestEntity[]>;
  requestsOfMember: DataLoader<string, ServiceRequestEntity[]>;
  engagementsOfProject: DataLoader<string, EngagementEntity[]>;
  eventById: DataLoader<string, EventEntity | null>;
  registrationsOfEvent: DataLoader<string, EventRegistrationEntity[]>;
}

export function activityLoaderFactories(dataSource: DataSource, clusterIds: readonly string[]): { [K in keyof ActivityLoaders]: () => ActivityLoaders[K] } {
  const byId = <Row extends { clusterId: string; id: number }>(entity: new () => Row) => () => rowsById(dataSource, clusterIds, entity);
  const byCluster = <Row extends { clusterId: string }>(entity: new () => Row, orderBy: string[]) => () => rowsByCluster(dataSource, clusterIds, entity, orderBy);
  const byParent = <Row extends { clusterId: string }>(entity: new () => Row, parentColumn: string, parentProperty: keyof Row & string, orderBy: string[]) => () =>
    rowsByParent(dataSource, clusterIds, { entity, parentColumn, parentProperty, orderBy });
  const roleOrder = ['r.since', 'r.id'];
  return {
    feesOfMember: byParent(MembershipFeeEntity, 'member_id', 'memberId', ['r.year DESC']),
    personById: byId(PersonEntity),
    peopleOfMember: byParent(PersonEntity, 'member_id', 'memberId', ['r.name_key', 'r.id']),
    peopleOfCluster: byCluster(PersonEntity, ['r.name_key', 'r.id']),
    rolesOfPerson: byParent(PersonRoleEntity, 'person_id', 'personId', roleOrder),
    rolesOfMember: byParent(PersonRoleEntity, 'member_id', 'memberId', roleOrder),
    rolesOfBoard: byParent(PersonRoleEntity, 'board_id', 'boardId', roleOrder),
    rolesOfWorkingGroup: byParent(PersonRoleEntity, 'working_group_id', 'workingGroupId', roleOrder),
    rolesOfCluster: byCluster(PersonRoleEntity, roleOrder),
    assemblyById: byId(GeneralAssemblyEntity),
    assembliesOfCluster: byCluster(GeneralAssemblyEntity, ['r.held_on', 'r.id']),
    boardById: byId(BoardEntity),
    boardsOfCluster: byCluster(BoardEntity, ['r.term_start', 'r.id']),
    meetingById: byId(BoardMeetingEntity),
    meetingsOfBoard: byParent(BoardMeetingEntity, 'board_id', 'boardId', ['r.held_on', 'r.id']),
    initiativeById: byId(InitiativeEntity),
    initiativesOfMeeting: byParent(InitiativeEntity, 'decided_at_meeting_id', 'decidedAtMeetingId', ['r.id']),
    initiativesOfWorkingGroup: byParent(InitiativeEntity, 'working_group_id', 'workingGroupId', ['r.proposed_on', 'r.id']),
    kpisOfCluster: byCluster(KpiEntity, ['r.period_start', 'r.id']),
    workingGroupById: byId(WorkingGroupEntity),
    workingGroupsOfCluster: byCluster(WorkingGroupEntity, ['r.name_key', 'r.id']),
    participantsOfWorkingGroup: byParent(WorkingGroupMemberEntity, 'working_group_id', 'workingGroupId', ['r.member_id']),
    workingGroupsOfMember: byParent(WorkingGroupMemberEntity, 'member_id', 'memberId', ['r.working_group_id']),
    projectsOfWorkingGroup: byParent(ProjectEntity, 'working_group_id', 'workingGroupId', ['r.id']),
    serviceById: byId(ServiceEntity),
    servicesOfCluster: byCluster(ServiceEntity, ['r.id']),
    serviceRequestById: byId(ServiceRequestEntity),
    requestsOfService: byParent(ServiceRequestEntity, 'service_id', 'serviceId', ['r.requested_on', 'r.id']),
    requestsOfMember: byParent(ServiceRequestEntity, 'member_id', 'memberId', ['r.requested_on', 'r.id']),
    engagementsOfProject: byParent(EngagementEntity, 'project_id', 'projectId', ['r.member_cluster_id', 'r.member_id']),
    eventById: byId(EventEntity),
    registrationsOfEvent: byParent(EventRegistrationEntity, 'event_id', 'eventId', ['r.member_cluster_id', 'r.member_id']),
  };
}
