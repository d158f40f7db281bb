import { Directive, Field, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/** Relay page info. The gateway recomputes it after merging shards' pages. */
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

export const CONNECTION_MERGE = shardDirective({ route: 'all', merge: 'connection' });
