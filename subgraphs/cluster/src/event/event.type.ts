import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterStub } from '../cluster-ref/cluster.type';
import { MemberStub } from '../project/member-stub.type';
import { WorkingGroupStub } from '../working-group/working-group.type';
import { EventKind } from './event-kind';

@ObjectType('EventRegistration', { ...PLAIN_FIELDS, description: 'A member of any cluster registered for an event.' })
export class EventRegistration {
  @Field(() => MemberStub, { nullable: true })
  @Directive(shardDirective({ refs: 'any' }))
  member: MemberStub;

  @Field(() => Int, { description: 'People the member sends.' })
  attendees: number;

  @Field({ description: 'ISO date.' })
  registeredOn: string;
}

@ObjectType('Event', { ...PLAIN_FIELDS, description: 'An event a cluster organises; members of every cluster may register.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class Event {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterStub, { description: 'The organising cluster.' })
  cluster: ClusterStub;

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

  @Field(() => Int, { description: 'Attendees registered so far.' })
  seatsTaken: number;

  @Field(() => Int)
  seatsLeft: number;

  @Field(() => WorkingGroupStub, { nullable: true, description: 'The working group that organises it, if any.' })
  workingGroup: WorkingGroupStub | null;
}
