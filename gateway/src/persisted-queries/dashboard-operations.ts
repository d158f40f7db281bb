/**
 * The dashboard's operations. The gateway knows them by hash before any client sends them, so the
 * dashboard sends only `extensions.persistedQuery.sha256Hash` (see persisted-query-cache.ts). Edit
 * the text and the hash changes with it; clients take both from this module.
 */
export const DASHBOARD_OPERATIONS = {
  DashboardHeadline: `query DashboardHeadline($clusters: [ID!]) {
  networkStats(clusters: $clusters) {
    members
    companies
    employees
    projects
    byKind { kind count employees }
  }
  clusters { id }
}`,
  DashboardClusters: `query DashboardClusters($clusters: [ID!]) {
  clusters { id name shortName city region representative }
  networkStats(clusters: $clusters) {
    byCluster { cluster { id } members companies employees projects }
  }
}`,
  DashboardCollaboration: `query DashboardCollaboration($clusters: [ID!]) {
  networkStats(clusters: $clusters) {
    collaboration { pair first { id shortName } second { id shortName } projects }
  }
}`,
  DashboardProjectsAndGroups: `query DashboardProjectsAndGroups($clusters: [ID!]) {
  networkStats(clusters: $clusters) { projectsByStatus { status count } }
  workingGroups(clusters: $clusters, first: 50) {
    totalCount
    edges { node { id name cluster { id shortName } participantCount } }
  }
}`,
  DashboardInitiatives: `query DashboardInitiatives($clusters: [ID!]) {
  initiatives(clusters: $clusters, first: 10) {
    edges { node { id title status proposedOn cluster { id shortName } decidedAt { heldOn } } }
  }
  network { initiatives { id title status startedOn leadCluster { id shortName } } }
}`,
} as const;

export type DashboardOperationName = keyof typeof DASHBOARD_OPERATIONS;
