import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member of any cluster registered for an event; the event's cluster keeps the row. */
@Entity({ name: 'event_registrations' })
export class EventRegistrationEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'event_id', type: 'int' })
  eventId: number;

  @PrimaryColumn({ name: 'member_cluster_id', type: 'varchar', length: 32 })
  memberClusterId: string;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  attendees: number;

  @Column({ name: 'registered_on', type: 'varchar', length: 10 })
  registeredOn: string;
}
