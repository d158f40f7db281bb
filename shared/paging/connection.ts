import type { PageInfo } from './page-info.type';

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** A Relay connection as resolvers return it; its total is counted only when `totalCount` is selected. */
export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}
