import type { FoundingCluster } from '../../shared/network-catalog';
import type { ClusterData } from '../../seed/network-data';

/**
 * The same rows over more shards: each founding cluster's rows dealt round-robin by local id to
 * `parts` clusters (`banat`, `banat-2`, …). Local ids and every reference keep their values, so the
 * network holds the same members, projects and partners, only spread thinner.
 */
export function splitNetwork(
  catalog: readonly FoundingCluster[],
  data: ClusterData,
  parts: number,
): { clusters: FoundingCluster[]; data: ClusterData } {
  if (parts === 1) return { clusters: [...catalog], data };
  const part = (clusterId: string, localId: number) => {
    const index = (localId - 1) % parts;
    return index === 0 ? clusterId : `${clusterId}-${index + 1}`;
  };
  const clusters = catalog.flatMap((cluster) =>
    Array.from({ length: parts }, (_, index) => ({
      ...cluster,
      id: index === 0 ? cluster.id : `${cluster.id}-${index + 1}`,
      name: index === 0 ? cluster.name : `${cluster.name} ${index + 1}`,
      shortName: index === 0 ? cluster.shortName : `${cluster.shortName} ${index + 1}`,
      companies: 0,
    })),
  );
  return {
    clusters,
    data: {
      members: data.members.map((member) => ({ ...member, clusterId: part(member.clusterId, member.id) })),
      projects: data.projects.map((project) => {
        return {
          ...project,
          // A project's lead is of its own cluster, so the project follows its lead.
          clusterId: part(project.clusterId, project.leadMemberId),
          partners: project.partners.map((partner) => ({ clusterId: part(partner.clusterId, partner.memberId), memberId: partner.memberId })),
        };
      }),
      // A member's competences follow the member.
      ...(data.competences ? { competences: data.competences.map((entry) => ({ ...entry, clusterId: part(entry.clusterId, entry.memberId) })) } : {}),
    },
  };
}
