import type { DataSource } from 'typeorm';
import { COMPANY_KINDS, MEMBER_KINDS, type MemberKind } from '../member/member-kind';
import { MemberEntity } from '../member/member.entity';
import { ProjectEntity } from '../project/project.entity';

export interface KindFigures {
  kind: MemberKind;
  count: number;
  employees: number;
  /** Null when the cluster has no member of this kind. */
  earliestFounded: number | null;
  largestEmployees: number | null;
}

export interface ClusterFigures {
  clusterId: string;
  members: number;
  companies: number;
  /** Employees of the member companies: the figure the network publishes. */
  employees: number;
  projects: number;
  byKind: KindFigures[];
}

/** The figures of each cluster in `clusterIds`, in two grouped statements whatever their number. */
export async function loadClusterFigures(dataSource: DataSource, clusterIds: readonly string[]): Promise<Map<string, ClusterFigures>> {
  const [memberRows, projectRows] = await Promise.all([
    dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .select('m.cluster_id', 'clusterId')
      .addSelect('m.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(m.employees)', 'employees')
      .addSelect('MIN(m.founded)', 'earliestFounded')
      .addSelect('MAX(m.employees)', 'largestEmployees')
      .where('m.cluster_id IN (:...clusterIds)', { clusterIds })
      .groupBy('m.cluster_id')
      .addGroupBy('m.kind')
      .getRawMany<{
        clusterId: string;
        kind: MemberKind;
        count: number | string;
        employees: number | string;
        earliestFounded: number | string;
        largestEmployees: number | string;
      }>(),
    dataSource
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .select('p.cluster_id', 'clusterId')
      .addSelect('COUNT(*)', 'count')
      .where('p.cluster_id IN (:...clusterIds)', { clusterIds })
      .groupBy('p.cluster_id')
      .getRawMany<{ clusterId: string; count: number | string }>(),
  ]);
  const figures = new Map<string, ClusterFigures>();
  for (const clusterId of clusterIds) {
    figures.set(clusterId, {
      clusterId,
      members: 0,
      companies: 0,
      employees: 0,
      projects: 0,
      byKind: MEMBER_KINDS.map((kind) => ({ kind, count: 0, employees: 0, earliestFounded: null, largestEmployees: null })),
    });
  }
  for (const row of memberRows) {
    const cluster = figures.get(row.clusterId);
    const kind = cluster?.byKind.find((entry) => entry.kind === row.kind);
    if (!cluster || !kind) continue;
    // MySQL returns COUNT and SUM as strings.
    kind.count = Number(row.count);
    kind.employees = Number(row.employees);
    kind.earliestFounded = Number(row.earliestFounded);
    kind.largestEmployees = Number(row.largestEmployees);
    cluster.members += kind.count;
    if (COMPANY_KINDS.includes(kind.kind)) {
      cluster.companies += kind.count;
      cluster.employees += kind.employees;
    }
  }
  for (const row of projectRows) {
    const cluster = figures.get(row.clusterId);
    if (cluster) cluster.projects = Number(row.count);
  }
  return figures;
}

/**
 * The figures as if the cluster had only members of `kinds` (a helix filter): members, companies,
 * employees and the breakdown by kind narrow; projects stay whole, since they have no kind.
 */
export function narrowToKinds(figures: ClusterFigures, kinds: readonly MemberKind[]): ClusterFigures {
  const byKind = figures.byKind.filter((entry) => kinds.includes(entry.kind));
  const companies = byKind.filter((entry) => COMPANY_KINDS.includes(entry.kind));
  return {
    ...figures,
    members: byKind.reduce((sum, entry) => sum + entry.count, 0),
    companies: companies.reduce((sum, entry) => sum + entry.count, 0),
    employees: companies.reduce((sum, entry) => sum + entry.employees, 0),
    byKind,
  };
}
