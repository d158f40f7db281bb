import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Objective } from '../alliance/objective.type';
import type { NetworkContext } from '../context';
import { Cluster } from '../registry/cluster.type';
import { parseInitiativeId } from './initiative-id';
import { NetworkInitiative } from './initiative.type';

@Resolver(() => NetworkInitiative)
export class NetworkInitiativeResolver {
  @Query(() => NetworkInitiative, { nullable: true, description: 'A network initiative by id; null if none has that id.' })
  networkInitiative(@Arg('id', () => ID) id: string, @Ctx() context: NetworkContext): Promise<NetworkInitiative | null> {
    return context.initiatives.load(parseInitiativeId(id));
  }

  @FieldResolver(() => Objective, { description: 'The priority objective it serves.' })
  objective(@Root() initiative: NetworkInitiative, @Ctx() context: NetworkContext): Promise<Objective> {
    return context.objectives.require(initiative.objectiveCode);
  }

  @FieldResolver(() => Cluster, { description: 'The cluster coordinating it; also one of `clusters`.' })
  leadCluster(@Root() initiative: NetworkInitiative, @Ctx() context: NetworkContext): Promise<Cluster> {
    return context.clusters.require(initiative.leadClusterId);
  }

  @FieldResolver(() => [Cluster], { description: 'The clusters taking part, the lead included, in registry order.' })
  async clusters(@Root() initiative: NetworkInitiative, @Ctx() context: NetworkContext): Promise<Cluster[]> {
    const ids = await context.initiatives.clusterIdsOf(initiative.id);
    const clusters = await Promise.all(ids.map((id) => context.clusters.require(id)));
    return clusters.sort((a, b) => a.position - b.position);
  }
}
