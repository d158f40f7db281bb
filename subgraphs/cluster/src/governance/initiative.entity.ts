import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { InitiativeStatus } from './governance-enums';

/** An initiative brought to the board by a member or by the cluster's staff. */
@Entity({ name: 'initiatives' })
export class InitiativeEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'title_key', type: 'varchar', length: 200 })
  titleKey: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'proposed_by_member_id', type: 'int', nullable: true })
  proposedByMemberId: number | null;

  @Column({ name: 'proposed_by_person_id', type: 'int', nullable: true })
  proposedByPersonId: number | null;

  @Column({ name: 'proposed_on', type: 'varchar', length: 10 })
  proposedOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: InitiativeStatus;

  @Column({ name: 'decided_at_meeting_id', type: 'int', nullable: true })
  decidedAtMeetingId: number | null;

  @Column({ name: 'working_group_id', type: 'int', nullable: true })
  workingGroupId: number | null;

  @Column({ type: 'int' })
  version: number;
}
