import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NetworkInitiativeStatus } from './initiative-status';

/** An initiative of the whole network; network-level rows belong to no shard, so the id is plain. */
@Entity({ name: 'network_initiatives' })
export class NetworkInitiativeEntity {
  @PrimaryColumn({ name: 'id', type: 'int' })
  id: number;

  @Column({ name: 'title', type: 'varchar', length: 200 })
  title: string;

  /** `foldSortKey(title)`, so that an order by title agrees on every backend. */
  @Column({ name: 'title_key', type: 'varchar', length: 200 })
  titleKey: string;

  @Column({ name: 'description', type: 'varchar', length: 1000 })
  description: string;

  /** The priority objective it serves (`objectives.code`). */
  @Column({ name: 'objective_code', type: 'varchar', length: 32 })
  objectiveCode: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status: NetworkInitiativeStatus;

  /** ISO date `YYYY-MM-DD`; the planned start while the initiative is PLANNED. */
  @Column({ name: 'started_on', type: 'varchar', length: 10 })
  startedOn: string;

  /** ISO date `YYYY-MM-DD`; null while the end is open. */
  @Column({ name: 'ends_on', type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  /** The cluster coordinating it; it is also one of the clusters taking part. */
  @Column({ name: 'lead_cluster_id', type: 'varchar', length: 32 })
  leadClusterId: string;
}

/** One cluster taking part in one initiative. */
@Entity({ name: 'network_initiative_clusters' })
export class NetworkInitiativeClusterEntity {
  @PrimaryColumn({ name: 'initiative_id', type: 'int' })
  initiativeId: number;

  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;
}
