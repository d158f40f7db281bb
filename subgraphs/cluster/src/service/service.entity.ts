import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A paid service the cluster offers its members, cheaper than on the market. */
@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ name: 'member_price_eur', type: 'int' })
  memberPriceEur: number;

  @Column({ name: 'market_price_eur', type: 'int' })
  marketPriceEur: number;

  @Column({ type: 'boolean' })
  active: boolean;
}
