import type { DataSource } from 'typeorm';
import { compareCodePoints } from '../../../../shared/sort-key';
import { ProjectEntity } from '../project/project.entity';
import { ProjectPartnerEntity } from '../project/project-partner.entity';
import type { ProjectStatus } from '../project/project-status';

export interface CollaborationFigures {
  /** `<clusterId>+<clusterId>`, the two ids in code-point order: the bucket's key. */
  pair: string;
  first: string;
  second: string;
  projects: number;
}

/**
 * For each pair of clusters, the projects of `clusterIds` that join members of both: the project's
 * own cluster (its lead's) and every partner's. A project is owned by one cluster, so the counts of
 * several shards add up exactly. One statement, whatever the number of projects.
 */
export async function loadCollaboration(dataSource: DataSource, clusterIds: readonly string[]): Promise<CollaborationFigures[]> {
  const rows = await dataSource
    .getRepository(ProjectPartnerEntity)
    .createQueryBuilder('pp')
    .select('pp.cluster_id', 'clusterId')
    .addSelect('pp.project_id', 'projectId')
    .addSelect('pp.member_cluster_id', 'memberClusterId')
    .where('pp.cluster_id IN (:...clusterIds)', { clusterIds })
    .distinct(true)
    .getRawMany<{ clusterId: string; projectId: number | string; memberClusterId: string }>();
  const clustersOfProject = new Map<string, Set<string>>();
  for (const row of rows) {
    const project = `${row.clusterId}:${row.projectId}`;
    const clusters = clustersOfProject.get(project) ?? new Set([row.clusterId]);
    clusters.add(row.memberClusterId);
    clustersOfProject.set(project, clusters);
  }
  const pairs = new Map<string, CollaborationFigures>();
  for (const clusters of clustersOfProject.values()) {
    const sorted = [...clusters].sort(compareCodePoints);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const pair = `${sorted[i]}+${sorted[j]}`;
        const figures = pairs.get(pair) ?? { pair, first: sorted[i]!, second: sorted[j]!, projects: 0 };
        figures.projects += 1;
        pairs.set(pair, figures);
      }
    }
  }
  return [...pairs.values()].sort((a, b) => compareCodePoints(a.pair, b.pair));
}

/** Projects of `clusterIds` by status, every status present (zeros too) so that shards agree on the shape. */
export async function loadProjectsByStatus(dataSource: DataSource, clusterIds: readonly string[], statuses: readonly ProjectStatus[]): Promise<Array<{ status: ProjectStatus; count: number }>> {
  const rows = await dataSource
    .getRepository(ProjectEntity)
    .createQueryBuilder('p')
    .select('p.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .where('p.cluster_id IN (:...clusterIds)', { clusterIds })
    .groupBy('p.status')
    .getRawMany<{ status: ProjectStatus; count: number | string }>();
  const counts = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return statuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
