import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { mayReadMemberRecords } from '../access/member-records-access';
import type { ClusterContext } from '../context';
import { Membership, MembershipFee } from './membership.type';

/** Fees are the member's and its cluster's business: `null` to anyone else (member-records-access.ts). */
@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => [MembershipFee], {
    nullable: true,
    description: 'Fees paid, latest year first. For the member\u2019s own people and its cluster\u2019s staff only: null for anyone else.',
  })
  async fees(@Root() membership: Membership, @Ctx() context: ClusterContext): Promise<MembershipFee[] | null> {
    // Refused before the loader is asked, so a hidden member's fees are never read.
    if (!mayReadMemberRecords(context.identity, membership.memberId)) return null;
    return context.loaders.feesOfMember.load(membership.memberId);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the fee for `year` is paid. For the member\u2019s own people and its cluster\u2019s staff only: null for anyone else.',
  })
  async feePaid(@Root() membership: Membership, @Ctx() context: ClusterContext, @Arg('year', () => Int) year: number): Promise<boolean | null> {
    if (!mayReadMemberRecords(context.identity, membership.memberId)) return null;
    return (await context.loaders.feesOfMember.load(membership.memberId)).some((fee) => fee.year === year);
  }
}
