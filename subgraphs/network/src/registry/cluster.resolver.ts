import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../../shared/errors';
import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';
import type { NetworkContext } from '../context';
import { Cluster } from './cluster.type';

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => [Cluster], { description: 'The member clusters, in registry order.' })
  clusters(@Ctx() context: NetworkContext): Promise<Cluster[]> {
    return context.clusters.all();
  }

  @Query(() => Cluster, { nullable: true, description: 'A cluster by id; null if no cluster has that id.' })
  cluster(@Arg('id', () => ID) id: string, @Ctx() context: NetworkContext): Promise<Cluster | null> {
    // A well-formed id that is not registered is a plain miss; a malformed one is the caller's mistake.
    if (!CLUSTER_ID_PATTERN.test(id)) {
      throw badUserInput(`Malformed cluster id ${JSON.stringify(id)}: expected lower-case letters, digits and dashes, e.g. "banat"`, {
        argument: 'id',
      });
    }
    return context.clusters.load(id);
  }
}
