import { visibleProjects } from '../access/project-visibility';
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { toInitiative } from '../governance/governance.mapper';
import { Initiative } from '../governance/governance.type';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import type { Connection } from '../../../../shared/paging/connection';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import { listConnection, type Listing } from '../paging/listing';
import { selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { networkPageArgs, orderInput } from '../paging/page-args-type';
import { ProjectStub } from '../participation/participation.type';
import { PersonRoleKind } from '../person/person-role';
import { toPerson } from '../person/person.mapper';
import { loadOptional } from '../db/row-loaders';
import { Person } from '../person/person.type';
import { toWorkingGroup } from './working-group.mapper';
import { WorkingGroupEntity } from './working-group.entity';
import { WorkingGroup } from './working-group.type';

export enum WorkingGroupOrderField {
  NAME = 'NAME',
  FORMED = 'FORMED',
}
registerEnumType(WorkingGroupOrderField, { name: 'WorkingGroupOrderField' });

const WorkingGroupOrder = orderInput('WorkingGroupOrder', WorkingGroupOrderField, WorkingGroupOrderField.NAME);

@InputType('WorkingGroupFilter')
class WorkingGroupFilter {
  @Field(() => String, { nullable: true, description: 'Matches names ignoring case and diacritics.' })
  nameContains?: string | null;
}

@ArgsType()
class WorkingGroupPageArgs extends networkPageArgs(WorkingGroupFilter, WorkingGroupOrder) {}

const WORKING_GROUPS: Listing<WorkingGroupEntity, WorkingGroupFilter> = {
  entity: WorkingGroupEntity,
  alias: 'w',
  orders: { NAME: { column: 'w.name_key', property: 'nameKey' }, FORMED: { column: 'w.formed_on', property: 'formedOn' } },
  defaultOrder: WorkingGroupOrderField.NAME,
  applyFilter(query, filter) {
    if (filter.nameContains !== null && filter.nameContains !== undefined) {
      query.andWhere(`w.name_key LIKE :name ${LIKE_ESCAPE}`, { name: containsPattern(filter.nameContains, 'nameContains') });
    }
  },
};

export const WorkingGroupConnectionTypes = connectionTypes('WorkingGroup', WorkingGroup);

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnectionTypes.Connection, { description: 'Working groups of every cluster, or of those named.' })
  @Directive(CONNECTION_MERGE)
  workingGroups(@Ctx() context: ClusterContext, @Args() args: WorkingGroupPageArgs): Promise<Connection<WorkingGroup>> {
    return listConnection(context.dataSource, WORKING_GROUPS, selectClusters(context.clusterIds, args.clusters), args, toWorkingGroup);
  }

  @Query(() => WorkingGroup, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  workingGroup(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<WorkingGroup | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.workingGroupById, id, toWorkingGroup);
  }

  @FieldResolver(() => [Person], { description: 'The board directors coordinating the group now.' })
  async coordinators(@Root() group: WorkingGroup, @Ctx() context: ClusterContext): Promise<Person[]> {
    const roles = (await context.loaders.rolesOfWorkingGroup.load(group.id)).filter((role) => role.role === PersonRoleKind.WORKING_GROUP_COORDINATOR && role.until === null);
    const people = await Promise.all(roles.map((role) => context.loaders.personById.load(encodeGlobalId(role.clusterId, role.personId))));
    return people.filter((person) => person !== null).map(toPerson);
  }

  @FieldResolver(() => [Member], { description: 'The members taking part, ordered by id.' })
  async participants(@Root() group: WorkingGroup, @Ctx() context: ClusterContext): Promise<Member[]> {
    const rows = await context.loaders.participantsOfWorkingGroup.load(group.id);
    const members = await Promise.all(rows.map((row) => context.loaders.memberById.load(encodeGlobalId(row.clusterId, row.memberId))));
    return members.filter((member) => member !== null).map(toMember);
  }

  @FieldResolver(() => Int)
  async participantCount(@Root() group: WorkingGroup, @Ctx() context: ClusterContext): Promise<number> {
    return (await context.loaders.participantsOfWorkingGroup.load(group.id)).length;
  }

  @FieldResolver(() => [ProjectStub], { nullable: 'items', description: 'Projects the group produced that the caller may see, ordered by id.' })
  async projects(@Root() group: WorkingGroup, @Ctx() context: ClusterContext): Promise<ProjectStub[]> {
    const projects = await visibleProjects(await context.loaders.projectsOfWorkingGroup.load(group.id), context);
    return projects.map((row) => ({ id: encodeGlobalId(row.clusterId, row.id) }));
  }

  @FieldResolver(() => [Initiative], { description: 'Initiatives the group brought to the board, oldest first.' })
  async initiatives(@Root() group: WorkingGroup, @Ctx() context: ClusterContext): Promise<Initiative[]> {
    return (await context.loaders.initiativesOfWorkingGroup.load(group.id)).map(toInitiative);
  }
}

export function resolveWorkingGroupReference(reference: { id: string }, context: ClusterContext): Promise<WorkingGroup | null> {
  return loadOptional(context.loaders.workingGroupById, reference.id, toWorkingGroup);
}
