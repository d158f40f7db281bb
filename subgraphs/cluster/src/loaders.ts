import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { tryDecodeGlobalId, type GlobalId } from '../../../shared/global-id';
import { activityLoaderFactories, type ActivityLoaders } from './activity-loaders';
import { rowsById, rowsByParent } from './db/row-loaders';
import { keyOf, whereKeysIn } from './db/by-cluster';
import { MemberEntity } from './member/member.entity';
import { ProjectEntity } from './project/project.entity';
import { ProjectPartnerEntity } from './project/project-partner.entity';
import { loadClusterFigures, type ClusterFigures } from './stats/stats.store';

/** A project a member takes part in, with what deciding who may see it needs first. */
export interface MemberProject extends GlobalId {
  underNda: boolean;
}

export interface CoreLoaders {
  memberById: DataLoader<string, MemberEntity | null>;
  projectById: DataLoader<string, ProjectEntity | null>;
  /** A project's partner rows, naming members of any cluster, ordered by member id. */
  partnersOfProject: DataLoader<string, ProjectPartnerEntity[]>;
  /** The projects of this deployment a member leads or takes part in, by (cluster, local id). */
  projectsOfMember: DataLoader<string, MemberProject[]>;
  clusterFigures: DataLoader<string, ClusterFigures | null>;
}

export type ClusterLoaders = CoreLoaders & ActivityLoaders;

/**
 * What makes a deployment's per-request loaders, set up once per deployment. Each loader is built
 * the first time a resolver of a request asks for it: a request that reads members only should not
 * pay for the two dozen loaders of the rest of the domain.
 */
export function clusterLoaderMaker(dataSource: DataSource, clusterIds: readonly string[]): () => ClusterLoaders {
  return lazily({ ...coreLoaderFactories(dataSource, clusterIds), ...activityLoaderFactories(dataSource, clusterIds) });
}

type Factories<T> = { [K in keyof T]: () => T[K] };

/**
 * A prototype whose getters build a loader on first use and keep it on the request's own object, so
 * that a request costs one `Object.create`, not a property definition per loader.
 */
function lazily<T extends object>(factories: Factories<T>): () => T {
  const prototype = {};
  for (const name of Object.keys(factories) as Array<keyof T>) {
    Object.defineProperty(prototype, name, {
      get(this: T) {
        const loader = factories[name]();
        Object.defineProperty(this, name, { value: loader, enumerable: true });
        return loader;
      },
    });
  }
  return () => Object.create(prototype) as T;
}

function coreLoaderFactories(dataSource: DataSource, clusterIds: readonly string[]): Factories<CoreLoaders> {
  return {
    memberById: () => rowsById(dataSource, clusterIds, MemberEntity),
    projectById: () => rowsById(dataSource, clusterIds, ProjectEntity),
    partnersOfProject: () =>
      rowsByParent(dataSource, clusterIds, { entity: ProjectPartnerEntity, parentColumn: 'project_id', parentProperty: 'projectId', orderBy: ['r.member_cluster_id', 'r.member_id'] }),
    projectsOfMember: () => new DataLoader(async (keys) => {
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
    clusterFigures: () => new DataLoader(async (keys) => {
      const wanted = keys.filter((key) => clusterIds.includes(key));
      const figures = wanted.length === 0 ? new Map<string, ClusterFigures>() : await loadClusterFigures(dataSource, wanted);
      return keys.map((key) => figures.get(key) ?? null);
    }),
  };
}
