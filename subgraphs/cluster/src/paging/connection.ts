import type { Connection } from '../../../../shared/paging/connection';
import type { KeysetOrder, Page } from './keyset';
import { cursorOf } from './keyset';

export function toConnection<Row extends { clusterId: string; id: number }, Node>(
  page: Page<Row>,
  order: KeysetOrder,
  after: string | null | undefined,
  toNode: (row: Row) => Node,
  count: () => Promise<number>,
): Connection<Node> {
  const edges = page.rows.map((row) => ({ cursor: cursorOf(row, order), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== null && after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal: count,
  };
}

export function emptyConnection<Node>(): Connection<Node> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    countTotal: () => Promise.resolve(0),
  };
}
