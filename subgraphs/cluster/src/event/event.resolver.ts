import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { loadOptional } from '../db/row-loaders';
import type { Connection } from '../../../../shared/paging/connection';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import { listConnection, type Listing } from '../paging/listing';
import { selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { networkPageArgs, orderInput } from '../paging/page-args-type';
import { badUserInput } from '../../../../shared/errors';
import { EventKind } from './event-kind';
import { EventEntity } from './event.entity';
import { Event, EventRegistration } from './event.type';

export function toEvent(row: EventEntity): Event {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    title: row.title,
    kind: row.kind,
    startsOn: row.startsOn,
    city: row.city,
    capacity: row.capacity,
    seatsTaken: row.seatsTaken,
    seatsLeft: row.capacity - row.seatsTaken,
    workingGroup: row.workingGroupId === null ? null : { id: encodeGlobalId(row.clusterId, row.workingGroupId) },
  };
}

export enum EventOrderField {
  STARTS = 'STARTS',
  TITLE = 'TITLE',
}
registerEnumType(EventOrderField, { name: 'EventOrderField' });

const EventOrder = orderInput('EventOrder', EventOrderField, EventOrderField.STARTS);

@InputType('EventFilter')
class EventFilter {
  @Field(() => [EventKind], { nullable: true })
  kind?: EventKind[] | null;

  @Field(() => String, { nullable: true, description: 'Matches titles ignoring case and diacritics.' })
  titleContains?: string | null;

  @Field(() => String, { nullable: true, description: 'Events starting on or after this ISO date.' })
  startsFrom?: string | null;
}

@ArgsType()
class EventPageArgs extends networkPageArgs(EventFilter, EventOrder, 'By start date by default.') {}

const EVENTS: Listing<EventEntity, EventFilter> = {
  entity: EventEntity,
  alias: 'e',
  orders: { STARTS: { column: 'e.starts_on', property: 'startsOn' }, TITLE: { column: 'e.title_key', property: 'titleKey' } },
  defaultOrder: EventOrderField.STARTS,
  applyFilter(query, filter) {
    if (filter.kind) {
      if (filter.kind.length === 0) query.andWhere('1 = 0');
      else query.andWhere('e.kind IN (:...kinds)', { kinds: filter.kind });
    }
    if (filter.titleContains !== null && filter.titleContains !== undefined) {
      query.andWhere(`e.title_key LIKE :title ${LIKE_ESCAPE}`, { title: containsPattern(filter.titleContains, 'titleContains') });
    }
    if (filter.startsFrom !== null && filter.startsFrom !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.startsFrom)) throw badUserInput('startsFrom must be a date written YYYY-MM-DD', { argument: 'startsFrom' });
      query.andWhere('e.starts_on >= :startsFrom', { startsFrom: filter.startsFrom });
    }
  },
};

export const EventConnectionTypes = connectionTypes('Event', Event);

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnectionTypes.Connection, { description: 'Events of every cluster, or of those named.' })
  @Directive(CONNECTION_MERGE)
  events(@Ctx() context: ClusterContext, @Args() args: EventPageArgs): Promise<Connection<Event>> {
    return listConnection(context.dataSource, EVENTS, selectClusters(context.clusterIds, args.clusters), args, toEvent);
  }

  @Query(() => Event, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  async event(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Event | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.eventById, id, toEvent);
  }

  @FieldResolver(() => [EventRegistration], { description: 'Ordered by member id.' })
  async registrations(@Root() event: Event, @Ctx() context: ClusterContext): Promise<EventRegistration[]> {
    return (await context.loaders.registrationsOfEvent.load(event.id)).map((row) => ({
      member: { id: encodeGlobalId(row.memberClusterId, row.memberId) },
      attendees: row.attendees,
      registeredOn: row.registeredOn,
    }));
  }
}

export async function resolveEventReference(reference: { id: string }, context: ClusterContext): Promise<Event | null> {
  return loadOptional(context.loaders.eventById, reference.id, toEvent);
}
