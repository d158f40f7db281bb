import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A paid service the cluster offers its members, cheaper than on the market. */
@Entity({ name: 'services' })
export class ServiceEntity extends ClusterKeyedRow {
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
