/**
 * The dashboard's operations. The gateway knows them by hash before any client sends them, so the
 * dashboard sends only `extensions.persistedQuery.sha256Hash` (see persisted-query-cache.ts). Edit
 * the text and the hash changes with it; clients take both from this module.
 */
export const DASHBOARD_OPERATIONS = {
  DashboardViewer: `query DashboardViewer {
  viewer { role subject memberId cluster { id name } }
}`,
  DashboardHeadline: `query DashboardHeadline($clusters: [ID!], $kinds: [MemberKind!]) {
  clusters { id name shortName }
  networkStats(clusters: $clusters, kinds: $kinds) {
    members
    companies
    employees
    projects
    byKind { kind count employees }
  }
}`,
  DashboardClusters: `query DashboardClusters($clusters: [ID!], $kinds: [MemberKind!]) {
  clusters { id name shortName city region representative }
  networkStats(clusters: $clusters, kinds: $kinds) {
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
