import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { conflict, intInRange, optionalIsoDate, rejectWhen, servedId } from '../../../../shared/mutation-input';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeClusterWrite } from '../access/write-access';
import type { ClusterContext } from '../context';
import { targetRow } from '../db/rows';
import { today } from '../db/transaction';
import { updateVersioned } from '../db/versioned-update';
import { writeTransaction } from '../db/write-transaction';
import { MemberEntity } from '../member/member.entity';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import { MembershipFeeEntity } from './membership-fee.entity';
import { MembershipStatus } from './membership-status';

const MAX_FEE_EUR = 1_000_000;
const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

function currentYear(): number {
  return new Date().getUTCFullYear();
}

@InputType('SetMembershipStatusInput')
class SetMembershipStatusInput {
  @Field(() => ID, { description: 'The member.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => Boolean, { nullable: true, description: 'Unchanged when omitted; a member that left never votes.' })
  votingRight?: boolean | null;
}

@InputType('RecordMembershipFeeInput')
class RecordMembershipFeeInput {
  @Field(() => ID, { description: 'The member that paid.' })
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  amountEur: number;

  @Field(() => String, { nullable: true, description: 'ISO date of the payment; today when omitted.' })
  paidOn?: string | null;
}

/** A member's standing in its cluster: its status and its annual fees, each write on the owning shard. */
@Resolver()
export class MembershipMutations {
  @Mutation(() => Member, { nullable: true, description: 'Suspends, reinstates or records the departure of a member.' })
  @Directive(BY_INPUT_ID)
  async setMembershipStatus(@Ctx() context: ClusterContext, @Arg('input', () => SetMembershipStatusInput) input: SetMembershipStatusInput): Promise<Member> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'setMembershipStatus', { cluster: key.clusterId });
    rejectWhen(input.status === MembershipStatus.LEFT && input.votingRight === true, 'votingRight', 'cannot be true for a member that left');
    return writeTransaction(context, 'setMembershipStatus', async (manager, audit) => {
      const member = await targetRow(manager, MemberEntity, key, 'member');
      if (member.version === input.version && member.membershipStatus === input.status && (input.votingRight ?? Boolean(member.votingRight)) === Boolean(member.votingRight)) {
        conflict('status', `is already ${input.status}`);
      }
      const votingRight = input.status === MembershipStatus.LEFT ? false : (input.votingRight ?? Boolean(member.votingRight));
      const changes: Partial<MemberEntity> = { membershipStatus: input.status, votingRight };
      if (member.membershipStatus !== input.status) changes.statusSince = today();
      await updateVersioned(manager, MemberEntity, 'member', key, input.version, changes);
      const after = await targetRow(manager, MemberEntity, key, 'member');
      await audit({ clusterId: key.clusterId, objectType: 'member', objectId: encodeGlobalId(key.clusterId, key.localId), before: member, after });
      return toMember(after);
    });
  }

  @Mutation(() => Member, { nullable: true, description: 'Records a member\u2019s annual fee; a year is paid once.' })
  @Directive(BY_INPUT_ID)
  async recordMembershipFee(@Ctx() context: ClusterContext, @Arg('input', () => RecordMembershipFeeInput) input: RecordMembershipFeeInput): Promise<Member> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'recordMembershipFee', { cluster: key.clusterId });
    const year = intInRange(input.year, 'year', 2000, currentYear() + 1);
    const amountEur = intInRange(input.amountEur, 'amountEur', 1, MAX_FEE_EUR);
    const paidOn = optionalIsoDate(input.paidOn, 'paidOn') ?? today();
    return writeTransaction(context, 'recordMembershipFee', async (manager, audit) => {
      const member = await targetRow(manager, MemberEntity, key, 'member');
      rejectWhen(member.membershipStatus === MembershipStatus.LEFT, 'id', 'names a member that has left the cluster');
      const existing = await manager.getRepository(MembershipFeeEntity).findOneBy({ clusterId: key.clusterId, memberId: key.localId, year });
      if (existing) conflict('year', `${year}: the fee is already recorded (paid on ${existing.paidOn})`);
      const fee = { clusterId: key.clusterId, memberId: key.localId, year, amountEur, paidOn };
      await manager.insert(MembershipFeeEntity, fee);
      await audit({ clusterId: key.clusterId, objectType: 'membershipFee', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${year}`, before: null, after: fee });
      return toMember(member);
    });
  }
}
