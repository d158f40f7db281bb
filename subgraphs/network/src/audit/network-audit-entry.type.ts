import { Field, ID, ObjectType } from 'type-graphql';
import { AuditEntryFields } from '../../../../shared/audit/audit-entry-fields.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/**
 * Its own type rather than the clusters' `AuditEntry`: the two subgraphs would otherwise have to
 * declare it `@shareable` in step, and every cluster deployment run that version first.
 */
@ObjectType('NetworkAuditEntry', { ...PLAIN_FIELDS, description: 'One write to network data (initiatives): who made it, when, and the object before and after.' })
export class NetworkAuditEntry extends AuditEntryFields {
  @Field(() => ID, { description: 'The entry\u2019s number in the network\u2019s log, e.g. "42".' })
  declare id: string;
}
