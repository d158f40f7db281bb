import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { ProjectStatus } from './project-status';

@Entity({ name: 'projects' })
export class ProjectEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'title_key', type: 'varchar', length: 200 })
  titleKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: ProjectStatus;

  /** Local id of the leading member, always of the project's own cluster. */
  @Column({ name: 'lead_member_id', type: 'int' })
  leadMemberId: number;

  /** ISO date `YYYY-MM-DD`: sorts as text on every backend. */
  @Column({ name: 'started_on', type: 'varchar', length: 10 })
  startedOn: string;

  @Column({ name: 'budget_eur', type: 'int' })
  budgetEur: number;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'ends_on', type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  /** Local id of the working group the project came from, of the same cluster. */
  @Column({ name: 'working_group_id', type: 'int', nullable: true })
  workingGroupId: number | null;

  /** Its details are confidential to its participants (a non-disclosure agreement). */
  @Column({ name: 'under_nda', type: 'boolean' })
  underNda: boolean;

  @Column({ type: 'int' })
  version: number;
}
