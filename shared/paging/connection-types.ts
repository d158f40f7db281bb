import { Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { PLAIN_FIELDS } from '../server/federated-schema';
import type { Connection } from './connection';
import { PageInfo } from './page-info.type';

/** What the sharded lists' totals count; a subgraph that is not sharded says what its total counts. */
const NETWORK_WIDE_TOTAL = 'Rows matching the filter, over every cluster asked for.';

/**
 * The Relay connection and edge types of one node type (`EventConnection`, `EventEdge`), and the
 * resolver that counts `totalCount` only when it is selected.
 */
export function connectionTypes<Node extends object>(name: string, node: ClassType<Node>, totalCountDescription = NETWORK_WIDE_TOTAL) {
  @ObjectType(`${name}Edge`, PLAIN_FIELDS)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: Node;
  }

  @ObjectType(`${name}Connection`, PLAIN_FIELDS)
  class NodeConnection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: totalCountDescription })
    totalCount: number;
  }

  @Resolver(() => NodeConnection)
  class TotalCountResolver {
    @FieldResolver(() => Int)
    totalCount(@Root() connection: Connection<Node>): Promise<number> {
      return connection.countTotal();
    }
  }

  return { Connection: NodeConnection, TotalCountResolver };
}
