import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { mayReadMinutes } from '../access/minutes-access';
import type { ClusterContext } from '../context';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import type { Connection } from '../../../../shared/paging/connection';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import { listConnection, type Listing } from '../paging/listing';
import { selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { SortDirection } from '../paging/sort-direction';
import { networkPageArgs, orderInput } from '../paging/page-args-type';
import { BOARD_ROLES, PersonRoleKind } from '../person/person-role';
import { toPerson, toPersonRole } from '../person/person.mapper';
import { loadOptional } from '../db/row-loaders';
import { currentHolder } from '../person/person.resolver';
import { Person, PersonRole } from '../person/person.type';
import { toWorkingGroup } from '../working-group/working-group.mapper';
import { WorkingGroup } from '../working-group/working-group.type';
import { InitiativeStatus } from './governance-enums';
import { toAssembly, toBoard, toInitiative, toMeeting } from './governance.mapper';
import { Board, BoardMeeting, GeneralAssembly, Initiative, Kpi } from './governance.type';
import { InitiativeEntity } from './initiative.entity';

@Resolver(() => GeneralAssembly)
export class GeneralAssemblyResolver {
  @FieldResolver(() => Board, { nullable: true, description: 'The board this assembly elected, if it held an election.' })
  async electedBoard(@Root() assembly: GeneralAssembly, @Ctx() context: ClusterContext): Promise<Board | null> {
    const boards = await context.loaders.boardsOfCluster.load(assembly.cluster.id);
    const board = boards.find((candidate) => encodeGlobalId(candidate.clusterId, candidate.electedAtAssemblyId) === assembly.id);
    return board ? toBoard(board) : null;
  }
}

@Resolver(() => Board)
export class BoardResolver {
  @FieldResolver(() => GeneralAssembly)
  electedAt(@Root() board: Board, @Ctx() context: ClusterContext): Promise<GeneralAssembly | null> {
    return loadOptional(context.loaders.assemblyById, board.electedAtAssemblyId, toAssembly);
  }

  @FieldResolver(() => [PersonRole], { description: 'The president and the directors of this term, with their dates.' })
  async directors(@Root() board: Board, @Ctx() context: ClusterContext): Promise<PersonRole[]> {
    return (await context.loaders.rolesOfBoard.load(board.id)).filter((role) => BOARD_ROLES.includes(role.role)).map(toPersonRole);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The president: chairs the board\u2019s meetings.' })
  async president(@Root() board: Board, @Ctx() context: ClusterContext): Promise<Person | null> {
    const roles = (await context.loaders.rolesOfBoard.load(board.id)).map(toPersonRole);
    return currentHolder(context, roles, PersonRoleKind.PRESIDENT);
  }

  @FieldResolver(() => [BoardMeeting], { description: 'The term\u2019s meetings, oldest first.' })
  async meetings(@Root() board: Board, @Ctx() context: ClusterContext): Promise<BoardMeeting[]> {
    return (await context.loaders.meetingsOfBoard.load(board.id)).map(toMeeting);
  }
}

@Resolver(() => BoardMeeting)
export class BoardMeetingResolver {
  @Query(() => BoardMeeting, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  boardMeeting(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<BoardMeeting | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.meetingById, id, toMeeting);
  }

  @FieldResolver(() => Board)
  board(@Root() meeting: BoardMeeting, @Ctx() context: ClusterContext): Promise<Board | null> {
    return loadOptional(context.loaders.boardById, meeting.boardId, toBoard);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The president, or the executive director when delegated.' })
  chair(@Root() meeting: BoardMeeting, @Ctx() context: ClusterContext): Promise<Person | null> {
    return loadOptional(context.loaders.personById, meeting.chairPersonId, toPerson);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null until recorded. For the people of the cluster\u2019s members and its staff only: null for anyone else.' })
  minutes(@Root() meeting: BoardMeeting, @Ctx() context: ClusterContext): string | null {
    return mayReadMinutes(context.identity, meeting.cluster.id) ? meeting.minutes : null;
  }

  @FieldResolver(() => [Initiative], { description: 'Initiatives the board decided at this meeting.' })
  async decisions(@Root() meeting: BoardMeeting, @Ctx() context: ClusterContext): Promise<Initiative[]> {
    return (await context.loaders.initiativesOfMeeting.load(meeting.id)).map(toInitiative);
  }
}

export enum InitiativeOrderField {
  TITLE = 'TITLE',
  PROPOSED = 'PROPOSED',
}
registerEnumType(InitiativeOrderField, { name: 'InitiativeOrderField' });

const InitiativeOrder = orderInput('InitiativeOrder', InitiativeOrderField, InitiativeOrderField.PROPOSED, SortDirection.DESC);

@InputType('InitiativeFilter')
class InitiativeFilter {
  @Field(() => [InitiativeStatus], { nullable: true })
  status?: InitiativeStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Matches titles ignoring case and diacritics.' })
  titleContains?: string | null;
}

@ArgsType()
class InitiativePageArgs extends networkPageArgs(InitiativeFilter, InitiativeOrder, 'Latest proposed first by default.') {}

const INITIATIVES: Listing<InitiativeEntity, InitiativeFilter> = {
  entity: InitiativeEntity,
  alias: 'i',
  orders: { TITLE: { column: 'i.title_key', property: 'titleKey' }, PROPOSED: { column: 'i.proposed_on', property: 'proposedOn' } },
  defaultOrder: InitiativeOrderField.PROPOSED,
  applyFilter(query, filter) {
    if (filter.status) {
      if (filter.status.length === 0) query.andWhere('1 = 0');
      else query.andWhere('i.status IN (:...statuses)', { statuses: filter.status });
    }
    if (filter.titleContains !== null && filter.titleContains !== undefined) {
      query.andWhere(`i.title_key LIKE :title ${LIKE_ESCAPE}`, { title: containsPattern(filter.titleContains, 'titleContains') });
    }
  },
};

export const InitiativeConnectionTypes = connectionTypes('Initiative', Initiative);

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnectionTypes.Connection, { description: 'Initiatives of every cluster, or of those named, latest proposed first unless ordered otherwise.' })
  @Directive(CONNECTION_MERGE)
  initiatives(@Ctx() context: ClusterContext, @Args() args: InitiativePageArgs): Promise<Connection<Initiative>> {
    const orderBy = args.orderBy ?? { field: InitiativeOrderField.PROPOSED, direction: SortDirection.DESC };
    return listConnection(context.dataSource, INITIATIVES, selectClusters(context.clusterIds, args.clusters), { ...args, orderBy }, toInitiative);
  }

  @Query(() => Initiative, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  initiative(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Initiative | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.initiativeById, id, toInitiative);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member that brought it; null when the staff did.' })
  proposedBy(@Root() initiative: Initiative, @Ctx() context: ClusterContext): Promise<Member | null> {
    return loadOptional(context.loaders.memberById, initiative.proposedByMemberId, toMember);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person who presented it to the board.' })
  presentedBy(@Root() initiative: Initiative, @Ctx() context: ClusterContext): Promise<Person | null> {
    return loadOptional(context.loaders.personById, initiative.proposedByPersonId, toPerson);
  }

  @FieldResolver(() => BoardMeeting, { nullable: true, description: 'The meeting that decided it; null while proposed.' })
  decidedAt(@Root() initiative: Initiative, @Ctx() context: ClusterContext): Promise<BoardMeeting | null> {
    return loadOptional(context.loaders.meetingById, initiative.decidedAtMeetingId, toMeeting);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true })
  workingGroup(@Root() initiative: Initiative, @Ctx() context: ClusterContext): Promise<WorkingGroup | null> {
    return loadOptional(context.loaders.workingGroupById, initiative.workingGroupId, toWorkingGroup);
  }
}

@Resolver(() => Kpi)
export class KpiResolver {
  @FieldResolver(() => Person, { nullable: true })
  executiveDirector(@Root() kpi: Kpi, @Ctx() context: ClusterContext): Promise<Person | null> {
    return loadOptional(context.loaders.personById, kpi.executiveDirectorId, toPerson);
  }
}

export async function resolveInitiativeReference(reference: { id: string }, context: ClusterContext): Promise<Initiative | null> {
  return loadOptional(context.loaders.initiativeById, reference.id, toInitiative);
}

export async function resolveMeetingReference(reference: { id: string }, context: ClusterContext): Promise<BoardMeeting | null> {
  return loadOptional(context.loaders.meetingById, reference.id, toMeeting);
}
