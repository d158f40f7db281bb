import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { foldSortKey } from '../../../../shared/sort-key';
import type { ClusterContext } from '../context';
import { nextLocalId } from '../db/local-ids';
import { today } from '../db/transaction';
import { writeTransaction } from '../db/write-transaction';
import { authorizeClusterWrite } from '../access/write-access';
import { encodeGlobalId } from '../../../../shared/global-id';
import { EventKind } from './event-kind';
import { EventRegistrationEntity } from './event-registration.entity';
import { EventEntity } from './event.entity';
import { toEvent } from './event.resolver';
import { Event } from './event.type';
import { WorkingGroupEntity } from '../working-group/working-group.entity';
import { referencedRow, targetRow } from '../db/rows';
import { checkedParticipant } from '../member/current-member';
import { anyId, conflict, idOfCluster, intInRange, isoDate, rejectWhen, requiredText, servedCluster, servedId, sortableText } from '../../../../shared/mutation-input';

const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

@InputType('CreateEventInput')
class CreateEventInput {
  @Field(() => ID)
  cluster: string;

  @Field()
  title: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field({ description: 'ISO date.' })
  startsOn: string;

  @Field()
  city: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => ID, { nullable: true })
  workingGroupId?: string | null;
}

@InputType('RegisterForEventInput')
class RegisterForEventInput {
  @Field(() => ID, { description: 'The event.' })
  id: string;

  @Field(() => ID, { description: 'A member of any cluster.' })
  memberId: string;

  @Field(() => Int, { description: 'People the member sends, at least 1.' })
  attendees: number;
}

/** Events: open to every cluster's members, written by the owning cluster. */
@Resolver()
export class EventMutations {
  @Mutation(() => Event, { nullable: true, description: 'Announces an event of a cluster.' })
  @Directive(shardDirective({ route: 'cluster', arg: 'input.cluster' }))
  async createEvent(@Ctx() context: ClusterContext, @Arg('input', () => CreateEventInput) input: CreateEventInput): Promise<Event> {
    const clusterId = servedCluster(input.cluster, 'cluster', context.clusterIds);
    authorizeClusterWrite(context.identity, 'createEvent', { cluster: clusterId });
    const title = sortableText(input.title, 'title', 200);
    const startsOn = isoDate(input.startsOn, 'startsOn');
    const city = requiredText(input.city, 'city', 100);
    const capacity = intInRange(input.capacity, 'capacity', 1, 100_000);
    const groupKey = input.workingGroupId != null ? idOfCluster(input.workingGroupId, 'workingGroupId', clusterId) : null;
    return writeTransaction(context, 'createEvent', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'events', clusterId);
      if (groupKey) await referencedRow(manager, WorkingGroupEntity, groupKey, 'working group', 'workingGroupId');
      if (await manager.getRepository(EventEntity).findOneBy({ clusterId, titleKey: foldSortKey(title), startsOn })) conflict('title', `is taken by another event on ${startsOn}`);
      const row: EventEntity = {
        clusterId,
        id,
        title,
        titleKey: foldSortKey(title),
        kind: input.kind,
        startsOn,
        city,
        capacity,
        seatsTaken: 0,
        workingGroupId: groupKey?.localId ?? null,
      };
      await manager.insert(EventEntity, row);
      await audit({ clusterId, objectType: 'event', objectId: encodeGlobalId(clusterId, id), before: null, after: row });
      return toEvent(row);
    });
  }

  @Mutation(() => Event, { nullable: true, description: 'Registers a member of any cluster for an upcoming event, while seats last.' })
  @Directive(BY_INPUT_ID)
  async registerForEvent(@Ctx() context: ClusterContext, @Arg('input', () => RegisterForEventInput) input: RegisterForEventInput): Promise<Event> {
    const key = servedId(input.id, 'id', context.clusterIds);
    const memberKey = anyId(input.memberId, 'memberId');
    authorizeClusterWrite(context.identity, 'registerForEvent', { cluster: key.clusterId, actingFor: memberKey });
    const attendees = intInRange(input.attendees, 'attendees', 1, 1000);
    return writeTransaction(context, 'registerForEvent', async (manager, audit) => {
      const event = await targetRow(manager, EventEntity, key, 'event');
      rejectWhen(event.startsOn < today(), 'id', `names an event that took place on ${event.startsOn}`);
      await checkedParticipant(manager, event.clusterId, memberKey, 'memberId');
      const registration = { clusterId: key.clusterId, eventId: key.localId, memberClusterId: memberKey.clusterId, memberId: memberKey.localId };
      if (await manager.getRepository(EventRegistrationEntity).findOneBy(registration)) {
        conflict('memberId', 'is already registered for the event');
      }
      // Seats are taken in one conditional statement, so two registrations can never overbook.
      const taken = await manager
        .createQueryBuilder()
        .update(EventEntity)
        .set({ seatsTaken: () => `seats_taken + ${attendees}` })
        .where('cluster_id = :clusterId AND id = :id AND seats_taken + :attendees <= capacity', { clusterId: key.clusterId, id: key.localId, attendees })
        .execute();
      if (taken.affected !== 1) {
        const now = await targetRow(manager, EventEntity, key, 'event');
        conflict('attendees', `asks for ${attendees} seats, but only ${now.capacity - now.seatsTaken} are left`, { seatsLeft: now.capacity - now.seatsTaken });
      }
      const row = { ...registration, attendees, registeredOn: today() };
      await manager.insert(EventRegistrationEntity, row);
      await audit({ clusterId: key.clusterId, objectType: 'eventRegistration', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${encodeGlobalId(memberKey.clusterId, memberKey.localId)}`, before: null, after: row });
      return toEvent(await targetRow(manager, EventEntity, key, 'event'));
    });
  }
}
