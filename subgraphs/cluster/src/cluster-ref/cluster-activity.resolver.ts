import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ClusterContext } from '../context';
import { toAssembly, toBoard, toKpi } from '../governance/governance.mapper';
import { Board, GeneralAssembly, Kpi } from '../governance/governance.type';
import { PersonRoleKind } from '../person/person-role';
import { toPerson, toPersonRole } from '../person/person.mapper';
import { currentHolder } from '../person/person.resolver';
import { Person } from '../person/person.type';
import { toService } from '../service/service.mapper';
import { Service } from '../service/service.type';
import { toWorkingGroup } from '../working-group/working-group.mapper';
import { WorkingGroup } from '../working-group/working-group.type';
import { ClusterNode } from './cluster.type';

/**
 * A cluster's organisation, answered by that cluster alone (the gateway routes a Cluster by its
 * id). Lists are empty for a cluster this deployment does not serve.
 *
 * Every field is nullable: a Cluster itself comes from the registry (the network subgraph), these
 * fields from the cluster's own deployment. When that deployment is down, they are null and the
 * cluster stays in `clusters`; a non-null one would take the whole list of clusters with it.
 */
@Resolver(() => ClusterNode)
export class ClusterActivityResolver {
  @FieldResolver(() => [Person], { nullable: true, description: 'The cluster\u2019s directory: members\u2019 people and staff, by name.' })
  async people(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Person[]> {
    return (await context.loaders.peopleOfCluster.load(cluster.id)).map(toPerson);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Runs the cluster day to day, against KPIs agreed with the board.' })
  async executiveDirector(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Person | null> {
    const roles = (await context.loaders.rolesOfCluster.load(cluster.id)).map(toPersonRole);
    return currentHolder(context, roles, PersonRoleKind.EXECUTIVE_DIRECTOR);
  }

  @FieldResolver(() => Board, { nullable: true, description: 'The board of the latest term.' })
  async board(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Board | null> {
    const boards = await context.loaders.boardsOfCluster.load(cluster.id);
    const latest = boards.at(-1);
    return latest ? toBoard(latest) : null;
  }

  @FieldResolver(() => [Board], { nullable: true, description: 'Every term\u2019s board, oldest first.' })
  async boards(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Board[]> {
    return (await context.loaders.boardsOfCluster.load(cluster.id)).map(toBoard);
  }

  @FieldResolver(() => [GeneralAssembly], { nullable: true, description: 'Oldest first.' })
  async generalAssemblies(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<GeneralAssembly[]> {
    return (await context.loaders.assembliesOfCluster.load(cluster.id)).map(toAssembly);
  }

  @FieldResolver(() => [Kpi], { nullable: true, description: 'The executive director\u2019s KPIs, by period.' })
  async kpis(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Kpi[]> {
    return (await context.loaders.kpisOfCluster.load(cluster.id)).map(toKpi);
  }

  @FieldResolver(() => [WorkingGroup], { nullable: true, description: 'By name.' })
  async workingGroups(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<WorkingGroup[]> {
    return (await context.loaders.workingGroupsOfCluster.load(cluster.id)).map(toWorkingGroup);
  }

  @FieldResolver(() => [Service], { nullable: true, description: 'Services offered to members.' })
  async services(@Root() cluster: ClusterNode, @Ctx() context: ClusterContext): Promise<Service[]> {
    return (await context.loaders.servicesOfCluster.load(cluster.id)).map(toService);
  }
}

