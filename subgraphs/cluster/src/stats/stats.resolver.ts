import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import type { ClusterContext } from '../context';
import { selectClusters } from '../paging/page-args';
import { narrowToKinds, type ClusterFigures } from './stats.store';
import { MemberKind } from '../member/member-kind';
import { ClusterCollaboration, ClusterStats, NetworkStats, ProjectStatusCount } from './stats.type';
import { loadCollaboration, loadProjectsByStatus } from './collaboration.store';
import { ProjectStatus } from '../project/project-status';

function toClusterStats(figures: ClusterFigures): ClusterStats {
  return {
    cluster: { id: figures.clusterId },
    members: figures.members,
    companies: figures.companies,
    employees: figures.employees,
    projects: figures.projects,
  };
}

@Resolver()
export class NetworkStatsResolver {
  @Query(() => NetworkStats)
  @Directive(shardDirective({ route: 'all', merge: 'object' }))
  async networkStats(
    @Ctx() context: ClusterContext,
    @Arg('clusters', () => [ID], { nullable: true }) clusters?: string[] | null,
    @Arg('kinds', () => [MemberKind], { nullable: true, description: 'Count only members of these kinds (a helix filter); projects are counted whole.' })
    kinds?: MemberKind[] | null,
  ): Promise<NetworkStats> {
    const selected = selectClusters(context.clusterIds, clusters).sort();
    const loaded = (await context.loaders.clusterFigures.loadMany(selected)).filter(
      (figures): figures is ClusterFigures => figures !== null && !(figures instanceof Error),
    );
    const all = kinds ? loaded.map((figures) => narrowToKinds(figures, kinds)) : loaded;
    const stats: NetworkStats = {
      members: 0,
      companies: 0,
      employees: 0,
      projects: 0,
      averageCompanySize: null,
      earliestFounded: null,
      largestMemberEmployees: null,
      byKind: [],
      byCluster: [],
      projectsByStatus: [],
      collaboration: [],
      clusterIds: selected,
      kinds: kinds ?? null,
    };
    for (const figures of all) {
      stats.members += figures.members;
      stats.companies += figures.companies;
      stats.employees += figures.employees;
      stats.projects += figures.projects;
      for (const kind of figures.byKind) {
        stats.earliestFounded = lesser(stats.earliestFounded, kind.earliestFounded);
        stats.largestMemberEmployees = greater(stats.largestMemberEmployees, kind.largestEmployees);
        const total = stats.byKind.find((entry) => entry.kind === kind.kind);
        if (total) {
          total.count += kind.count;
          total.employees += kind.employees;
        } else stats.byKind.push({ kind: kind.kind, count: kind.count, employees: kind.employees, averageEmployees: null });
      }
      stats.byCluster.push({ ...toClusterStats(figures), kinds: kinds ?? null });
    }
    // Averages from totals, the way the gateway merges them across shards.
    stats.averageCompanySize = average(stats.employees, stats.companies);
    for (const kind of stats.byKind) kind.averageEmployees = average(kind.employees, kind.count);
    return stats;
  }
}

@Resolver(() => NetworkStats)
export class NetworkStatsDetailResolver {
  @FieldResolver(() => [ProjectStatusCount])
  projectsByStatus(@Root() stats: NetworkStats, @Ctx() context: ClusterContext): Promise<ProjectStatusCount[]> {
    return stats.clusterIds.length === 0 ? Promise.resolve(PROJECT_STATUSES.map((status) => ({ status, count: 0 }))) : loadProjectsByStatus(context.dataSource, stats.clusterIds, PROJECT_STATUSES);
  }

  @FieldResolver(() => [ClusterCollaboration])
  async collaboration(@Root() stats: NetworkStats, @Ctx() context: ClusterContext): Promise<ClusterCollaboration[]> {
    if (stats.clusterIds.length === 0) return [];
    return (await loadCollaboration(context.dataSource, stats.clusterIds)).map((figures) => ({
      pair: figures.pair,
      first: { id: figures.first },
      second: { id: figures.second },
      projects: figures.projects,
    }));
  }
}

const PROJECT_STATUSES = Object.values(ProjectStatus);

function average(sum: number, count: number): number | null {
  return count === 0 ? null : sum / count;
}

function lesser(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function greater(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

@Resolver(() => ClusterNode)
export class ClusterStatsResolver {
  @FieldResolver(() => ClusterStats, { nullable: true, description: 'Null for a cluster this deployment does not serve.' })
  async stats(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<ClusterStats | null> {
    const figures = await context.loaders.clusterFigures.load(cluster.id);
    return figures ? toClusterStats(figures) : null;
  }
}
