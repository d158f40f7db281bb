import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import type { ClusterContext } from '../context';
import { loadOptional } from '../db/row-loaders';
import type { Connection } from '../../../../shared/paging/connection';
import { listConnection } from '../paging/listing';
import { selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { MemberConnection } from './member.connection';
import { MemberFilter, MemberOrder } from './member.inputs';
import { toMember } from './member.mapper';
import { MEMBERS } from './member.store';
import { Member } from './member.type';

@ArgsType()
class MemberPageArgs {
  @Field(() => MemberFilter, { nullable: true })
  filter?: MemberFilter | null;

  @Field(() => MemberOrder, { nullable: true })
  orderBy?: MemberOrder | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
class NetworkMemberPageArgs extends MemberPageArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these clusters; every cluster when omitted.' })
  clusters?: string[] | null;
}

function memberPage(context: ClusterContext, clusterIds: string[], args: MemberPageArgs): Promise<Connection<Member>> {
  return listConnection(context.dataSource, MEMBERS, clusterIds, args, toMember);
}

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => MemberConnection, { description: 'Members of every cluster, or of those named, in one keyset order.' })
  @Directive(CONNECTION_MERGE)
  members(@Ctx() context: ClusterContext, @Args() args: NetworkMemberPageArgs): Promise<Connection<Member>> {
    return memberPage(context, selectClusters(context.clusterIds, args.clusters), args);
  }

  @Query(() => Member, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  async member(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Member | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.memberById, id, toMember);
  }
}

@Resolver(() => ClusterNode)
export class ClusterMembersResolver {
  @FieldResolver(() => MemberConnection, { nullable: true, description: 'This cluster\u2019s members.' })
  members(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext, @Args() args: MemberPageArgs): Promise<Connection<Member>> {
    return memberPage(context, context.clusterIds.filter((id) => id === cluster.id), args);
  }
}

/** `_entities` for Member: null for ids this deployment does not own. */
export async function resolveMemberReference(reference: { id: string }, context: ClusterContext): Promise<Member | null> {
  return loadOptional(context.loaders.memberById, reference.id, toMember);
}

export async function resolveClusterReference(reference: { id: string }): Promise<ClusterNode> {
  return { id: reference.id };
}
