import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../../../shared/errors';
import { describeInput } from '../../../../shared/global-id';
import { Objective } from '../alliance/objective.type';
import type { NetworkContext } from '../context';
import { Cluster } from '../registry/cluster.type';
import { NetworkInitiative } from './initiative.type';

/** Initiative ids are plain positive integers of at most 15 digits, so every one is a safe integer. */
const INITIATIVE_ID = /^[1-9][0-9]{0,14}$/;

function parseInitiativeId(id: string): number {
  if (!INITIATIVE_ID.test(id)) {
    throw badUserInput(`Malformed network initiative id ${describeInput(id)}: expected a positive integer, e.g. "3"`, { argument: 'id' });
  }
  return Number(id);
}

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
