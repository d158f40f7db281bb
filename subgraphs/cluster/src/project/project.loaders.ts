import DataLoader from 'dataloader';
import { tryDecodeGlobalId, type GlobalId } from '../../../../shared/global-id';
import { keyOf, whereKeysIn } from '../db/by-cluster';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { ProjectPartnerEntity } from './project-partner.entity';
import { ProjectEntity } from './project.entity';

/** A project a member takes part in, with what deciding who may see it needs first. */
export interface MemberProject extends GlobalId {
  underNda: boolean;
}

/** Projects, their partners, and the projects a member leads or takes part in. */
export interface ProjectLoaders {
  projectById: DataLoader<string, ProjectEntity | null>;
  /** A project's partner rows, naming members of any cluster, ordered by member id. */
  partnersOfProject: DataLoader<string, ProjectPartnerEntity[]>;
  /** The projects of this deployment a member leads or takes part in, by (cluster, local id). */
  projectsOfMember: DataLoader<string, MemberProject[]>;
  projectsOfWorkingGroup: DataLoader<string, ProjectEntity[]>;
}

export function projectLoaders(kit: LoaderKit): Factories<ProjectLoaders> {
  const { clusterIds } = kit;
  return {
    projectById: kit.byId(ProjectEntity),
    partnersOfProject: kit.byParent(ProjectPartnerEntity, 'project_id', 'projectId', ['r.member_cluster_id', 'r.member_id']),
    projectsOfMember: (dataSource) => new DataLoader(async (keys) => {
      const members = keys.map(tryDecodeGlobalId).filter((key): key is GlobalId => key !== null);
      if (members.length === 0) return keys.map(() => []);
      const [asPartner, asLead] = await Promise.all([
        // The project's NDA flag comes along, so that only projects under NDA cost a further look.
        whereKeysIn(dataSource.getRepository(ProjectPartnerEntity).createQueryBuilder('pp'), 'pp.member_cluster_id', 'pp.member_id', members, 'k')
          .innerJoin(ProjectEntity, 'p', 'p.cluster_id = pp.cluster_id AND p.id = pp.project_id')
          .andWhere('pp.cluster_id IN (:...clusterIds)', { clusterIds })
          .select(['pp.cluster_id AS "clusterId"', 'pp.project_id AS "projectId"', 'pp.member_cluster_id AS "memberClusterId"', 'pp.member_id AS "memberId"', 'p.under_nda AS "underNda"'])
          .getRawMany<{ clusterId: string; projectId: number | string; memberClusterId: string; memberId: number | string; underNda: number | boolean }>(),
        whereKeysIn(dataSource.getRepository(ProjectEntity).createQueryBuilder('p'), 'p.cluster_id', 'p.lead_member_id', members, 'k')
          .andWhere('p.cluster_id IN (:...clusterIds)', { clusterIds })
          .select(['p.clusterId', 'p.id', 'p.leadMemberId', 'p.underNda'])
          .getMany(),
      ]);
      const byMember = new Map<string, MemberProject[]>();
      const add = (member: string, project: MemberProject) => byMember.set(member, [...(byMember.get(member) ?? []), project]);
      for (const row of asPartner) {
        add(keyOf(row.memberClusterId, Number(row.memberId)), { clusterId: row.clusterId, localId: Number(row.projectId), underNda: Boolean(Number(row.underNda)) });
      }
      for (const row of asLead) add(keyOf(row.clusterId, row.leadMemberId), { clusterId: row.clusterId, localId: row.id, underNda: Boolean(row.underNda) });
      // Ordered by global id, so that the gateway's concatenation in shard order stays ordered.
      return keys.map((key) =>
        (byMember.get(key) ?? []).sort((a, b) => (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : a.localId - b.localId)),
      );
    }),
    projectsOfWorkingGroup: kit.byParent(ProjectEntity, 'working_group_id', 'workingGroupId', ['r.id']),
  };
}
