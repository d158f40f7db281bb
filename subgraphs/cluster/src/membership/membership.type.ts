import { Field, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { MembershipStatus } from './membership-status';

@ObjectType('MembershipFee', { ...PLAIN_FIELDS, description: 'The annual membership fee paid for one year.' })
export class MembershipFee {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  amountEur: number;

  @Field({ description: 'ISO date of the payment.' })
  paidOn: string;
}

@ObjectType('Membership', { ...PLAIN_FIELDS, description: 'A member\u2019s standing in its cluster.' })
export class Membership {
  /** The member's global id, for the fee loaders; not a GraphQL field. */
  memberId: string;

  @Field(() => String, { nullable: true, description: 'ISO date the member joined; null when it predates the records.' })
  joinedOn: string | null;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'ISO date of the last status change.' })
  statusSince: string | null;

  @Field({ description: 'Whether the member votes in the General Assembly.' })
  votingRight: boolean;
}
