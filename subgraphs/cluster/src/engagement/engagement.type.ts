import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { MemberStub } from '../project/member-stub.type';

@ObjectType('ResourceEngagement', {
  ...PLAIN_FIELDS,
  description: 'What a participant committed to a project in its preparation phase. Participation priority follows it.',
})
export class ResourceEngagement {
  @Field(() => Int, { description: '1 for the largest engagement: by value, then the earlier commitment, then member id.' })
  priority: number;

  @Field(() => MemberStub, { nullable: true, description: 'A member of any cluster.' })
  @Directive(shardDirective({ refs: 'any' }))
  member: MemberStub;

  @Field(() => Int)
  personDays: number;

  @Field(() => Int, { description: 'Cash and in-kind resources valued in euro: what the ranking compares.' })
  valueEur: number;

  @Field({ description: 'ISO date of the commitment.' })
  committedOn: string;

  @Field({ description: 'What was committed: people, equipment, co-financing.' })
  resources: string;
}
