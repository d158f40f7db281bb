import type { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { AuditEntryEntity } from '../../shared/audit/audit-entry.entity';
import { foldSortKey } from '../../shared/sort-key';
import { EngagementEntity } from '../../subgraphs/cluster/src/engagement/engagement.entity';
import { EventRegistrationEntity } from '../../subgraphs/cluster/src/event/event-registration.entity';
import { EventEntity } from '../../subgraphs/cluster/src/event/event.entity';
import { BoardMeetingEntity } from '../../subgraphs/cluster/src/governance/board-meeting.entity';
import { BoardEntity } from '../../subgraphs/cluster/src/governance/board.entity';
import { GeneralAssemblyEntity } from '../../subgraphs/cluster/src/governance/general-assembly.entity';
import { InitiativeEntity } from '../../subgraphs/cluster/src/governance/initiative.entity';
import { KpiEntity } from '../../subgraphs/cluster/src/governance/kpi.entity';
import { MemberEntity } from '../../subgraphs/cluster/src/member/member.entity';
import { MemberCompetenceEntity } from '../../subgraphs/cluster/src/competence/member-competence.entity';
import { regionOfCity } from '../../shared/romania-regions';
import { MembershipFeeEntity } from '../../subgraphs/cluster/src/membership/membership-fee.entity';
import { PersonRoleEntity } from '../../subgraphs/cluster/src/person/person-role.entity';
import { PersonEntity } from '../../subgraphs/cluster/src/person/person.entity';
import { ProjectPartnerEntity } from '../../subgraphs/cluster/src/project/project-partner.entity';
import { ProjectEntity } from '../../subgraphs/cluster/src/project/project.entity';
import { ServiceRequestEntity } from '../../subgraphs/cluster/src/service/service-request.entity';
import { ServiceEntity } from '../../subgraphs/cluster/src/service/service.entity';
import { WorkingGroupMemberEntity } from '../../subgraphs/cluster/src/working-group/working-group-member.entity';
import { WorkingGroupEntity } from '../../subgraphs/cluster/src/working-group/working-group.entity';
import type { ClusterActivity, ClusterData } from './seed-rows';

const BATCH = 200;

/** Every cluster-owned table, rows that refer to others first: the order rows are deleted in. */
const TABLES_CHILDREN_FIRST = [
  EventRegistrationEntity, EventEntity, ServiceRequestEntity, ServiceEntity, EngagementEntity, WorkingGroupMemberEntity, KpiEntity,
  InitiativeEntity, BoardMeetingEntity, PersonRoleEntity, BoardEntity, GeneralAssemblyEntity, PersonEntity, MembershipFeeEntity,
  ProjectPartnerEntity, ProjectEntity, WorkingGroupEntity, MemberCompetenceEntity, MemberEntity,
];

/**
 * Replaces the rows of `clusterIds` in a migrated database with the generated data, in one
 * transaction. One cluster for a cluster's own database; every cluster for the oracle. A row
 * naming a member of another cluster (a partner, an engagement, a registration) belongs to the
 * cluster of its project or event. Rows are deleted with DELETE, never TRUNCATE, which would
 * commit the transaction on MySQL. The clusters' audit log goes with them: the seed gives local
 * ids out again, and an entry kept from before would tell the history of another row.
 */
export async function writeClusterData(dataSource: DataSource, data: ClusterData, clusterIds: readonly string[]): Promise<void> {
  const keep = <T extends { clusterId: string }>(rows: readonly T[]): T[] => rows.filter((row) => clusterIds.includes(row.clusterId));
  const members = keep(data.members);
  const projects = keep(data.projects);
  await dataSource.transaction(async (manager) => {
    // Nothing refers to audit entries, so they may go first; by cluster, like every other row.
    await manager.createQueryBuilder().delete().from(AuditEntryEntity).where('cluster_id IN (:...clusterIds)', { clusterIds }).execute();
    for (const entity of TABLES_CHILDREN_FIRST) {
      await manager.createQueryBuilder().delete().from(entity).where('cluster_id IN (:...clusterIds)', { clusterIds }).execute();
    }
    await insertAll(manager, MemberEntity, members.map((member) => ({
      ...member,
      nameKey: foldSortKey(member.name),
      cityKey: foldSortKey(member.city),
      region: regionOfCity(member.city),
      version: 1,
    })));
    await insertAll(manager, MemberCompetenceEntity, keep(data.competences ?? []) as MemberCompetenceEntity[]);
    if (data.activity) await insertActivity(manager, data.activity, keep);
    await insertAll(manager, ProjectEntity, projects.map(({ partners: _partners, ...project }) => ({
      ...project,
      titleKey: foldSortKey(project.title),
      version: 1,
    })));
    await insertAll(manager, ProjectPartnerEntity, projects.flatMap((project) =>
      project.partners.map((partner) => ({
        clusterId: project.clusterId,
        projectId: project.id,
        memberClusterId: partner.clusterId,
        memberId: partner.memberId,
      })),
    ));
  });
}

async function insertActivity(manager: EntityManager, activity: ClusterActivity, keep: <T extends { clusterId: string }>(rows: readonly T[]) => T[]): Promise<void> {
  await insertAll(manager, WorkingGroupEntity, keep(activity.workingGroups).map((group) => ({ ...group, nameKey: foldSortKey(group.name), version: 1 })));
  await insertAll(manager, MembershipFeeEntity, keep(activity.membershipFees));
  await insertAll(manager, PersonEntity, keep(activity.people).map((person) => ({ ...person, nameKey: foldSortKey(person.name) })));
  await insertAll(manager, GeneralAssemblyEntity, keep(activity.generalAssemblies));
  await insertAll(manager, BoardEntity, keep(activity.boards));
  await insertAll(manager, PersonRoleEntity, keep(activity.personRoles));
  await insertAll(manager, BoardMeetingEntity, keep(activity.boardMeetings).map((meeting) => ({ ...meeting, version: 1 })));
  await insertAll(manager, InitiativeEntity, keep(activity.initiatives).map((initiative) => ({ ...initiative, titleKey: foldSortKey(initiative.title), version: 1 })));
  await insertAll(manager, KpiEntity, keep(activity.kpis));
  await insertAll(manager, WorkingGroupMemberEntity, keep(activity.workingGroupMembers));
  await insertAll(manager, EngagementEntity, keep(activity.engagements));
  await insertAll(manager, ServiceEntity, keep(activity.services));
  await insertAll(manager, ServiceRequestEntity, keep(activity.serviceRequests).map((request) => ({ ...request, version: 1 })));
  await insertAll(manager, EventEntity, keep(activity.events).map((event) => ({ ...event, titleKey: foldSortKey(event.title) })));
  await insertAll(manager, EventRegistrationEntity, keep(activity.eventRegistrations));
}

async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + BATCH)).execute();
  }
}
