import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { MembershipFeeEntity } from './membership-fee.entity';

/** A member’s fees, newest year first. */
export interface MembershipLoaders {
  feesOfMember: DataLoader<string, MembershipFeeEntity[]>;
}

export function membershipLoaders(kit: LoaderKit): Factories<MembershipLoaders> {
  return {
    feesOfMember: kit.byParent(MembershipFeeEntity, 'member_id', 'memberId', ['r.year DESC']),
  };
}
