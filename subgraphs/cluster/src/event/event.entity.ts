import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { EventKind } from './event-kind';

/** An event a cluster organises; members of any cluster may register. */
@Entity({ name: 'events' })
export class EventEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'title_key', type: 'varchar', length: 200 })
  titleKey: string;

  @Column({ type: 'varchar', length: 24 })
  kind: EventKind;

  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  startsOn: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'int' })
  capacity: number;

  /** Attendees registered so far; a registration takes seats only while `seats_taken + n <= capacity`. */
  @Column({ name: 'seats_taken', type: 'int' })
  seatsTaken: number;

  @Column({ name: 'working_group_id', type: 'int', nullable: true })
  workingGroupId: number | null;
}
