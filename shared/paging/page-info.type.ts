import { Directive, Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../server/federated-schema';

/**
 * Relay page info, one type for every subgraph's connections: `@shareable`, since the network
 * subgraph and the cluster subgraphs both serve it. The gateway recomputes it after merging shards'
 * pages.
 */
@ObjectType('PageInfo', PLAIN_FIELDS)
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
