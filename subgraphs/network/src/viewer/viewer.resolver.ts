import { Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Identity } from '../../../../shared/auth/identity';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import type { NetworkContext } from '../context';
import { Cluster } from '../registry/cluster.type';

@ObjectType('Viewer', { ...PLAIN_FIELDS, description: 'Who the network takes the caller to be: read from the signed token, or anonymous.' })
export class Viewer {
  @Field({ description: 'anonymous, member, cluster-admin, secretariat or analyst.' })
  role: string;

  @Field(() => String, { nullable: true, description: 'The token\u2019s subject; null when anonymous.' })
  subject: string | null;

  @Field(() => ID, { nullable: true, description: 'A member\u2019s organisation.' })
  memberId: string | null;

  clusterId: string | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller as this request\u2019s token makes them; a sign-in screen starts here.' })
  viewer(@Ctx() context: NetworkContext): Viewer {
    const identity: Identity = context.identity;
    return { role: identity.role, subject: identity.subject, memberId: identity.memberId, clusterId: identity.clusterId };
  }

  @FieldResolver(() => Cluster, { nullable: true, description: 'The cluster of a member or a cluster admin.' })
  async cluster(@Root() viewer: Viewer, @Ctx() context: NetworkContext): Promise<Cluster | null> {
    if (viewer.clusterId === null) return null;
    return context.clusters.load(viewer.clusterId);
  }
}
