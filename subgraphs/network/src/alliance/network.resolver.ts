import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { NetworkContext } from '../context';
import { CommitteeSeat } from './committee-seat.type';
import { MissionAim } from './mission-aim.type';
import { MissionAimEntity } from './mission-aim.entity';
import { NETWORK_ROW_ID, NetworkEntity } from './network.entity';
import { Network } from './network.type';
import { Objective } from './objective.type';
import { Secretariat } from './secretariat.type';

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, { description: 'The IT-RO network: its mission, objectives, committee and secretariat.' })
  async network(@Ctx() context: NetworkContext): Promise<Network> {
    const row = await context.dataSource.getRepository(NetworkEntity).findOneBy({ id: NETWORK_ROW_ID });
    // `network` is non-null in the contract: an unseeded database is an operator error, logged and masked.
    if (!row) throw new Error('The network database holds no network row: run the seed');
    return row;
  }

  @FieldResolver(() => [MissionAim])
  mission(@Ctx() context: NetworkContext): Promise<MissionAim[]> {
    return context.dataSource.getRepository(MissionAimEntity).find({ order: { position: 'ASC' } });
  }

  @FieldResolver(() => [Objective])
  objectives(@Ctx() context: NetworkContext): Promise<Objective[]> {
    return context.objectives.all();
  }

  @FieldResolver(() => CommitteeSeat)
  async president(@Root() network: Network, @Ctx() context: NetworkContext): Promise<CommitteeSeat> {
    const cluster = await context.clusters.require(network.presidentClusterId);
    return { cluster, representative: cluster.representative, isPresident: true };
  }

  @FieldResolver(() => Secretariat)
  async secretariat(@Root() network: Network, @Ctx() context: NetworkContext): Promise<Secretariat> {
    const cluster = await context.clusters.require(network.secretariatClusterId);
    return { cluster, description: network.secretariatDescription };
  }

  @FieldResolver(() => [CommitteeSeat], { description: 'One seat per cluster, in registry order.' })
  async committee(@Root() network: Network, @Ctx() context: NetworkContext): Promise<CommitteeSeat[]> {
    const clusters = await context.clusters.all();
    return clusters.map((cluster) => ({
      cluster,
      representative: cluster.representative,
      isPresident: cluster.id === network.presidentClusterId,
    }));
  }
}
