/**
 * Queries analysts start from: preloaded in the workbench, and the yardstick the operation limits
 * are sized by (a limit that refused one of them would be wrong).
 */
export const ANALYST_EXAMPLES = {
  PartnerSearch: `query PartnerSearch($after: String) {
  partnerSearch(
    need: { competences: [AI_DATA, CYBERSECURITY], certifications: [ISO_27001], programmes: [HORIZON_EUROPE], kinds: [SME, LARGE_ENTERPRISE], employees: { min: 10, max: 249 } }
    first: 20
    after: $after
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { score matched { areas certifications programmes } member { id name kind employees city region cluster { id shortName } } } }
  }
}`,
  ConsortiumForCall: `query ConsortiumForCall {
  consortium(
    first: 3
    call: {
      minRegions: 2
      maxPerCluster: 2
      roles: [
        { label: "University", kinds: [UNIVERSITY], competences: [AI_DATA], programmes: [HORIZON_EUROPE] }
        { label: "SMEs with AI and cybersecurity", kinds: [SME], competences: [AI_DATA, CYBERSECURITY], count: 2 }
        { label: "Public authority", kinds: [PUBLIC_AUTHORITY], competences: [E_GOVERNMENT] }
      ]
    }
  ) {
    score
    roles { label members { id name kind city region cluster { shortName } } }
    covers { competences regions clusters { shortName } }
  }
}`,
  TotalsByRegion: `query TotalsByRegion {
  clusters { id name region }
  networkStats { members companies employees byCluster { cluster { id region } members companies employees projects } }
}`,
  CollaborationPairs: `query CollaborationPairs {
  networkStats { collaboration { pair first { name region } second { name region } projects } }
}`,
  MemberExport: `query MemberExport($after: String) {
  members(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id name kind employees city founded
        cluster { id name region }
        membership { status joinedOn votingRight fees { year amountEur paidOn } }
        workingGroups { id name }
        projects { id title status }
      }
    }
  }
}`,
  ProjectsWithPartners: `query ProjectsWithPartners($after: String) {
  projects(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title status startedOn budgetEur
        cluster { id name }
        lead { id name }
        partners { id name cluster { id } }
        engagements { priority member { id } personDays valueEur }
      }
    }
  }
}`,
} as const;
