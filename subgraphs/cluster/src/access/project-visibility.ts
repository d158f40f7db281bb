import type { SelectQueryBuilder } from 'typeorm';
import type { Identity } from '../../../../shared/auth/identity';
import { encodeGlobalId, tryDecodeGlobalId, type GlobalId } from '../../../../shared/global-id';
import type { ClusterContext } from '../context';
import type { ProjectEntity } from '../project/project.entity';

/**
 * A project under NDA is seen only by its participants' people (its lead's and its partners') and
 * by its own cluster's staff. To everyone else it does not exist: absent from lists, not found by
 * id. Aggregates (counts by status, collaboration) still count it, since they disclose no detail.
 */
export function restrictProjectsToVisible(query: SelectQueryBuilder<ProjectEntity>, identity: Identity, alias = 'p'): void {
  const open = `${alias}.under_nda = 0`;
  if (identity.role === 'cluster-admin') {
    query.andWhere(`(${open} OR ${alias}.cluster_id = :ndaAdminCluster)`, { ndaAdminCluster: identity.clusterId });
    return;
  }
  const member = identity.role === 'member' ? tryDecodeGlobalId(identity.memberId) : null;
  if (!member) {
    query.andWhere(open);
    return;
  }
  const leads = `(${alias}.cluster_id = :ndaMemberCluster AND ${alias}.lead_member_id = :ndaMemberId)`;
  const partners =
    `EXISTS (SELECT 1 FROM project_partners nda_pp WHERE nda_pp.cluster_id = ${alias}.cluster_id AND nda_pp.project_id = ${alias}.id` +
    ' AND nda_pp.member_cluster_id = :ndaMemberCluster AND nda_pp.member_id = :ndaMemberId)';
  query.andWhere(`(${open} OR ${leads} OR ${partners})`, { ndaMemberCluster: member.clusterId, ndaMemberId: member.localId });
}

/**
 * Whether the caller sees a project of `clusterId` under NDA, when the project's rows are not needed
 * to tell: a cluster's staff see their own cluster's, and only a member's people can be partners.
 */
function ndaVerdictWithoutRows(identity: Identity, clusterId: string): boolean | undefined {
  if (identity.role === 'cluster-admin') return identity.clusterId === clusterId;
  if (identity.role !== 'member' || !tryDecodeGlobalId(identity.memberId)) return false;
  return undefined;
}

/** The same rule for one row already loaded; the partners come from the request's loader. */
export async function isProjectVisible(project: ProjectEntity, context: ClusterContext): Promise<boolean> {
  if (!project.underNda) return true;
  const verdict = ndaVerdictWithoutRows(context.identity, project.clusterId);
  if (verdict !== undefined) return verdict;
  const member = tryDecodeGlobalId(context.identity.memberId)!;
  if (member.clusterId === project.clusterId && member.localId === project.leadMemberId) return true;
  const partners = await context.loaders.partnersOfProject.load(encodeGlobalId(project.clusterId, project.id));
  return partners.some((partner) => partner.memberClusterId === member.clusterId && partner.memberId === member.localId);
}

/** The same for a project under NDA known by its key only: its rows are read only when needed. */
export async function isNdaProjectVisible(key: GlobalId, context: ClusterContext): Promise<boolean> {
  const verdict = ndaVerdictWithoutRows(context.identity, key.clusterId);
  if (verdict !== undefined) return verdict;
  const project = await context.loaders.projectById.load(encodeGlobalId(key.clusterId, key.localId));
  return project !== null && (await isProjectVisible(project, context));
}

/** The rows the caller may see, in their order. */
export async function visibleProjects(projects: readonly ProjectEntity[], context: ClusterContext): Promise<ProjectEntity[]> {
  const visible = await Promise.all(projects.map((project) => isProjectVisible(project, context)));
  return projects.filter((_, index) => visible[index]);
}
