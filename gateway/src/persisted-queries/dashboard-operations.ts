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
  DashboardCompetences: `query DashboardCompetences($clusters: [ID!], $kinds: [MemberKind!]) {
  clusters { id shortName city region }
  networkStats(clusters: $clusters, kinds: $kinds) {
    byCompetence { area members companies employees }
    byCluster { cluster { id } members byCompetence { area members } }
  }
}`,
  DashboardPartners: `query DashboardPartners($need: PartnerNeed!, $after: String, $clusters: [ID!]) {
  partnerSearch(need: $need, first: 20, after: $after, clusters: $clusters) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { score matched { areas certifications programmes } member { id name kind employees city region cluster { id shortName } } } }
  }
}`,
  DashboardConsortium: `query DashboardConsortium($call: CallInput!) {
  consortium(call: $call, first: 5) {
    score
    roles { label members { id name kind city region cluster { id shortName } } }
    covers { competences regions clusters { id shortName } }
  }
}`,
} as const;

export type DashboardOperationName = keyof typeof DASHBOARD_OPERATIONS;

/** Variables of a typical request for the operations that require some: what tests and the README try them with. */
export const DASHBOARD_EXAMPLE_VARIABLES: Partial<Record<DashboardOperationName, Record<string, unknown>>> = {
  DashboardPartners: { need: { competences: ['AI_DATA', 'CYBERSECURITY'], certifications: ['ISO_27001'], kinds: ['SME'] } },
  DashboardConsortium: {
    call: {
      minRegions: 2,
      roles: [
        { label: 'University', kinds: ['UNIVERSITY'], competences: ['AI_DATA'] },
        { label: 'SMEs', kinds: ['SME'], competences: ['AI_DATA', 'CYBERSECURITY'], count: 2 },
        { label: 'Public authority', kinds: ['PUBLIC_AUTHORITY'], competences: ['E_GOVERNMENT'] },
      ],
    },
  },
};
