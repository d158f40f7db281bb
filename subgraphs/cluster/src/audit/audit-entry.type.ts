import { Field, ID, ObjectType } from 'type-graphql';
import { AuditEntryFields } from '../../../../shared/audit/audit-entry-fields.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('AuditEntry', { ...PLAIN_FIELDS, description: 'One write to a cluster\u2019s data: who made it, when, and the object before and after.' })
export class AuditEntry extends AuditEntryFields {
  @Field(() => ID, { description: 'The entry\u2019s global id, e.g. "banat:42".' })
  declare id: string;
}
