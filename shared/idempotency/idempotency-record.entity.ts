import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One keyed write, in the database that owns the data, committed in the write's own transaction: a
 * retry with the same caller and key finds it and gets the outcome back instead of writing again.
 * The same table in every subgraph's database.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecordEntity {
  /** The token's subject: keys are the caller's own, so two callers never see each other's outcome. */
  @PrimaryColumn({ name: 'caller_subject', type: 'varchar', length: 200 })
  callerSubject: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 128 })
  key: string;

  /** The mutation, e.g. `registerForEvent`. */
  @Column({ name: 'operation', type: 'varchar', length: 64 })
  operation: string;

  /** SHA-256 (hex) of the mutation and its input: a retry must send the same, or it is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** What the write returned, as JSON; written in the same transaction as the claim, so never null once committed. */
  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome: string | null;

  /** ISO timestamp with milliseconds, UTC. */
  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt: string;

  /** When the key is forgotten (IDEMPOTENCY_KEY_TTL_MS after it was recorded); ISO, so it compares as text. */
  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;
}
