import { Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Connection } from '../paging/connection';
import { PageInfo } from '../paging/page-info.type';
import { Member } from './member.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('MemberEdge', PLAIN_FIELDS)
export class MemberEdge {
  @Field()
  cursor: string;

  @Field(() => Member)
  node: Member;
}

@ObjectType('MemberConnection', PLAIN_FIELDS)
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Members matching the filter, over every cluster asked for.' })
  totalCount: number;
}

@Resolver(() => MemberConnection)
export class MemberConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: Connection<Member>): Promise<number> {
    return connection.countTotal();
  }
}
