import { Field, ID, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('AuditEntry', { ...PLAIN_FIELDS, description: 'One write to a cluster\u2019s data: who made it, when, and the object before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'The entry\u2019s global id, e.g. "banat:42".' })
  id: string;

  @Field({ description: 'ISO timestamp, UTC, with milliseconds.' })
  recordedAt: string;

  @Field({ description: 'The mutation, e.g. `updateMember`.' })
  operation: string;

  @Field({ description: 'The kind of object written, e.g. `member`, `membershipFee`.' })
  objectType: string;

  @Field({ description: 'Its id: a global id, or a composite such as `banat:12/2026` for a fee.' })
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
