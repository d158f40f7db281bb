/** The page sections B, C, G and J ask for: the first 50 members of the network by name, over every shard. */
export const FIRST_PAGE = '{ members(first: 50, orderBy: { field: NAME, direction: ASC }) { totalCount edges { cursor node { id name kind employees city } } pageInfo { hasNextPage endCursor } } }';
