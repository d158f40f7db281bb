import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a participant committed to a project in its preparation phase. The project's cluster keeps
 * it, whichever cluster the member belongs to; it decides participation priority.
 */
@Entity({ name: 'project_engagements' })
export class EngagementEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'project_id', type: 'int' })
  projectId: number;

  @PrimaryColumn({ name: 'member_cluster_id', type: 'varchar', length: 32 })
  memberClusterId: string;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;

  @Column({ name: 'person_days', type: 'int' })
  personDays: number;

  /** Cash and in-kind resources valued in euro: what the priority ranking compares. */
  @Column({ name: 'value_eur', type: 'int' })
  valueEur: number;

  @Column({ name: 'committed_on', type: 'varchar', length: 10 })
  committedOn: string;

  @Column({ type: 'varchar', length: 500 })
  resources: string;
}
