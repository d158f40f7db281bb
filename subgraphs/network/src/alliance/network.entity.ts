import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The alliance itself: one row, id 1. */
@Entity({ name: 'network' })
export class NetworkEntity {
  @PrimaryColumn({ name: 'id', type: 'int' })
  id: number;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ name: 'president_cluster_id', type: 'varchar', length: 32 })
  presidentClusterId: string;

  @Column({ name: 'secretariat_cluster_id', type: 'varchar', length: 32 })
  secretariatClusterId: string;

  @Column({ name: 'secretariat_description', type: 'varchar', length: 500 })
  secretariatDescription: string;
}

/** The network row's key: there is exactly one network. */
export const NETWORK_ROW_ID = 1;
