import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A board meeting (usually twice a month), chaired by the president, with minutes members may read. */
@Entity({ name: 'board_meetings' })
export class BoardMeetingEntity extends ClusterKeyedRow {
  @Column({ name: 'board_id', type: 'int' })
  boardId: number;

  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ name: 'chair_person_id', type: 'int', nullable: true })
  chairPersonId: number | null;

  /** Null until the minutes are recorded. */
  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ name: 'minutes_recorded_on', type: 'varchar', length: 10, nullable: true })
  minutesRecordedOn: string | null;

  @Column({ type: 'int' })
  version: number;
}
