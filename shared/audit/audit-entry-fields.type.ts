import { Field, ID, ObjectType } from 'type-graphql';
import type { AuditEntryEntity } from './audit-entry.entity';

/**
 * The fields every audit log shows of one entry, whichever database keeps it: a cluster's
 * `AuditEntry` and the network's `NetworkAuditEntry` extend this and add their own `id`, since a
 * cluster's entries are named by global id and the network's by number. type-graphql gives a
 * subclass the fields of a base that is an object type; the base itself is in no schema, since no
 * field returns it.
 */
@ObjectType('AuditEntryFields')
export abstract class AuditEntryFields {
  /** Declared here so that it comes first; each log redeclares it with its own form. */
  @Field(() => ID, { description: 'The entry\u2019s id.' })
  id: string;

  @Field({ description: 'ISO timestamp, UTC, with milliseconds.' })
  recordedAt: string;

  @Field({ description: 'The mutation, e.g. `updateMember`.' })
  operation: string;

  @Field({ description: 'The kind of object written, e.g. `member`, `membershipFee`, `networkInitiative`.' })
  objectType: string;

  @Field({ description: 'Its id: a global id, a composite such as `banat:12/2026` for a fee, or a network initiative\u2019s number.' })
  objectId: string;

  @Field({ description: 'The writer\u2019s role.' })
  actorRole: string;

  @Field({ description: 'The writer\u2019s token subject.' })
  actorSubject: string;

  @Field(() => ID, { nullable: true, description: 'The member organisation the writer acted for, if any.' })
  actorMemberId: string | null;

  @Field(() => String, { nullable: true, description: 'The object as JSON before the write; null when the write created it.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The object as JSON after the write.' })
  after: string | null;
}

/** An entry as the database returns it: stored, so numbered. */
export type StoredAuditEntry = AuditEntryEntity & { id: number };

/** The shared fields of a stored entry; each log adds the entry's `id` in its own form. */
export function auditEntryFields(row: StoredAuditEntry): Omit<AuditEntryFields, 'id'> {
  return {
    recordedAt: row.recordedAt,
    operation: row.operation,
    objectType: row.objectType,
    objectId: row.objectId,
    actorRole: row.actorRole,
    actorSubject: row.actorSubject,
    actorMemberId: row.actorMemberId,
    before: row.before,
    after: row.after,
  };
}
