/**
 * Queries analysts start from: preloaded in the workbench, and the yardstick the operation limits
 * are sized by (a limit that refused one of them would be wrong).
 */
export const ANALYST_EXAMPLES = {
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
