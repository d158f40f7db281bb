import type { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { foldSortKey } from '../../../../shared/sort-key';
import { MemberEntity } from '../member/member.entity';
import { MembershipStatus } from '../membership/membership-status';
import { ProjectEntity } from '../project/project.entity';
import { ProjectPartnerEntity } from '../project/project-partner.entity';
import type { ClusterData } from './generate-cluster-data';

const BATCH = 200;

/**
 * Replaces the rows of `clusterIds` in a migrated database with the generated data, in one
 * transaction. One cluster for a cluster's own database; every cluster for the oracle.
 */
export async function writeClusterData(dataSource: DataSource, data: ClusterData, clusterIds: readonly string[]): Promise<void> {
  const keep = (clusterId: string) => clusterIds.includes(clusterId);
  const members = data.members.filter((member) => keep(member.clusterId));
  const projects = data.projects.filter((project) => keep(project.clusterId));
  await dataSource.transaction(async (manager) => {
    for (const entity of [ProjectPartnerEntity, ProjectEntity, MemberEntity]) {
      await manager.createQueryBuilder().delete().from(entity).where('cluster_id IN (:...clusterIds)', { clusterIds }).execute();
    }
    await insertAll(manager, MemberEntity, members.map((member) => ({
      ...member,
      nameKey: foldSortKey(member.name),
      cityKey: foldSortKey(member.city),
      joinedOn: null,
      membershipStatus: MembershipStatus.ACTIVE,
      statusSince: null,
      votingRight: true,
      version: 1,
    })));
    await insertAll(manager, ProjectEntity, projects.map(({ partners: _partners, ...project }) => ({
      ...project,
      titleKey: foldSortKey(project.title),
      description: null,
      endsOn: null,
      workingGroupId: null,
      underNda: false,
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

async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + BATCH)).execute();
  }
}
