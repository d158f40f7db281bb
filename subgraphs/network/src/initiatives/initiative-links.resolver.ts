import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../../../shared/errors';
import { describeInput } from '../../../../shared/global-id';
import { Network } from '../alliance/network.type';
import { Objective } from '../alliance/objective.type';
import type { NetworkContext } from '../context';
import { Cluster } from '../registry/cluster.type';
import { NetworkInitiativeStatus } from './initiative-status';
import { NetworkInitiative } from './initiative.type';

@ArgsType()
class InitiativeListArgs {
  @Field(() => String, { nullable: true, description: 'Only those serving this objective, by code, e.g. "MARKET".' })
  objective?: string | null;

  @Field(() => NetworkInitiativeStatus, { nullable: true, description: 'Only those with this status.' })
  status?: NetworkInitiativeStatus | null;
}

/** `Network.initiatives`: the whole network's list, optionally narrowed. */
@Resolver(() => Network)
export class NetworkInitiativesResolver {
  @FieldResolver(() => [NetworkInitiative], { description: 'The network\u2019s initiatives, by start date then id.' })
  async initiatives(@Args() { objective, status }: InitiativeListArgs, @Ctx() context: NetworkContext): Promise<NetworkInitiative[]> {
    // The objectives are a closed list, like an enum: a code outside it is a typo, not an empty filter.
    if (objective != null) {
      const codes = (await context.objectives.all()).map((known) => known.code);
      if (!codes.includes(objective)) {
        throw badUserInput(`Unknown objective ${describeInput(objective)}: expected one of ${codes.join(', ')}`, { argument: 'objective' });
      }
    }
    return context.initiatives.list({ objectiveCode: objective ?? undefined, status: status ?? undefined });
  }
}

/** `Objective.initiatives`. */
@Resolver(() => Objective)
export class ObjectiveInitiativesResolver {
  @FieldResolver(() => [NetworkInitiative], { description: 'The initiatives serving this objective, by start date then id.' })
  initiatives(@Root() objective: Objective, @Ctx() context: NetworkContext): Promise<NetworkInitiative[]> {
    return context.initiatives.ofObjective(objective.code);
  }
}

/** `Cluster.networkInitiatives`. */
@Resolver(() => Cluster)
export class ClusterInitiativesResolver {
  @FieldResolver(() => [NetworkInitiative], {
    description: 'The network initiatives this cluster takes part in, leading or not, by start date then id.',
  })
  networkInitiatives(@Root() cluster: Cluster, @Ctx() context: NetworkContext): Promise<NetworkInitiative[]> {
    return context.initiatives.ofCluster(cluster.id);
  }
}
