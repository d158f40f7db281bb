import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The annual membership fee a member paid for one year: at most one row per member and year. */
@Entity({ name: 'membership_fees' })
export class MembershipFeeEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'amount_eur', type: 'int' })
  amountEur: number;

  @Column({ name: 'paid_on', type: 'varchar', length: 10 })
  paidOn: string;
}
