import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ClusterContext } from '../context';
import { Membership, MembershipFee } from './membership.type';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => [MembershipFee], { description: 'Fees paid, latest year first.' })
  async fees(@Root() membership: Membership, @Ctx() context: ClusterContext): Promise<MembershipFee[]> {
    return context.loaders.feesOfMember.load(membership.memberId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the fee for `year` is paid.' })
  async feePaid(@Root() membership: Membership, @Ctx() context: ClusterContext, @Arg('year', () => Int) year: number): Promise<boolean> {
    return (await context.loaders.feesOfMember.load(membership.memberId)).some((fee) => fee.year === year);
  }
}
