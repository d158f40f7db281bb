import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../../shared/errors';
import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';
import type { NetworkContext } from '../context';
import { Cluster } from './cluster.type';
import { ClusterStatus } from './cluster-status';

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => [Cluster], { description: 'The member clusters (active and suspended), in registry order.' })
  clusters(@Ctx() context: NetworkContext): Promise<Cluster[]> {
    return context.clusters.all();
  }

  @Query(() => Cluster, { nullable: true, description: 'A cluster by id; null if no cluster of the network has that id (a retired one has none).' })
  async cluster(@Arg('id', () => ID) id: string, @Ctx() context: NetworkContext): Promise<Cluster | null> {
    // A well-formed id that is not registered is a plain miss; a malformed one is the caller's mistake.
    if (!CLUSTER_ID_PATTERN.test(id)) {
      throw badUserInput(`Malformed cluster id ${JSON.stringify(id)}: expected lower-case letters, digits and dashes, e.g. "banat"`, {
        argument: 'id',
      });
    }
    const cluster = await context.clusters.load(id);
    return cluster?.status === ClusterStatus.RETIRED ? null : cluster;
  }

  @Query(() => Int, { description: 'The registry revision: it grows by one with every registry write. Gateways follow it.' })
  registryRevision(@Ctx() context: NetworkContext): Promise<number> {
    return context.clusters.revision();
  }
}
