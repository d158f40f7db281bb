import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write, as the database that owns the data recorded it, in the write's own transaction: who
 * (role and token subject), what (the operation and the object), when, and the object before and
 * after. A cluster's log sits in the cluster's database; the network's in the network's.
 */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id?: number;

  /** The cluster whose data changed; null for network data. */
  @Column({ name: 'cluster_id', type: 'varchar', length: 32, nullable: true })
  clusterId: string | null;

  /** ISO timestamp with milliseconds, UTC. */
  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  /** The token's subject. */
  @Column({ name: 'actor_subject', type: 'varchar', length: 200 })
  actorSubject: string;

  /** The member organisation the caller acted for, when the caller is a member's person. */
  @Column({ name: 'actor_member_id', type: 'varchar', length: 48, nullable: true })
  actorMemberId: string | null;

  /** The mutation, e.g. `updateMember`. */
  @Column({ name: 'operation', type: 'varchar', length: 64 })
  operation: string;

  /** The kind of object written, e.g. `member`, `membershipFee`. */
  @Column({ name: 'object_type', type: 'varchar', length: 32 })
  objectType: string;

  /** Its id: a global id, or a composite key such as `transilvania:12/2026` for a fee. */
  @Column({ name: 'object_id', type: 'varchar', length: 120 })
  objectId: string;

  /** The row as JSON before the write; null when the write created it. */
  @Column({ name: 'before_state', type: 'text', nullable: true })
  before: string | null;

  /** The row as JSON after the write. */
  @Column({ name: 'after_state', type: 'text', nullable: true })
  after: string | null;
}
