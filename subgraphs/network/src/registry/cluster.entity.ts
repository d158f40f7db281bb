import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { ClusterStatus } from './cluster-status';

/** A row of the cluster registry: who the member clusters are and where their subgraphs answer. */
@Entity({ name: 'clusters' })
export class ClusterEntity {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 32 })
  id: string;

  /** Registry order, 0-based. */
  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 100 })
  shortName: string;

  @Column({ name: 'city', type: 'varchar', length: 100 })
  city: string;

  @Column({ name: 'region', type: 'varchar', length: 32 })
  region: DevelopmentRegion;

  /** Base URL of the cluster's subgraph; the gateway appends `/graphql`. */
  @Column({ name: 'url', type: 'varchar', length: 500 })
  url: string;

  /** The cluster's seat on the network committee. */
  @Column({ name: 'representative', type: 'varchar', length: 200 })
  representative: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: ClusterStatus.ACTIVE })
  status: ClusterStatus;

  /** The registry revision of the row's last change; the registry's revision is the largest. */
  @Column({ name: 'revision', type: 'int', default: 0 })
  revision: number;
}
