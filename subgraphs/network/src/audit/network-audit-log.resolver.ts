import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { auditEntryFields, type StoredAuditEntry } from '../../../../shared/audit/audit-entry-fields.type';
import { readAuditLog } from '../../../../shared/audit/audit-log-page';
import type { Connection } from '../../../../shared/paging/connection';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import type { NetworkContext } from '../context';
import { authorizeNetworkAuditRead } from './network-audit-access';
import { NetworkAuditEntry } from './network-audit-entry.type';

export const NetworkAuditEntryConnectionTypes = connectionTypes('NetworkAuditEntry', NetworkAuditEntry, 'Entries matching `objectId`, or all of them.');

function toNetworkAuditEntry(row: StoredAuditEntry): NetworkAuditEntry {
  return { id: String(row.id), ...auditEntryFields(row) };
}

@Resolver()
export class NetworkAuditLogResolver {
  @Query(() => NetworkAuditEntryConnectionTypes.Connection, {
    nullable: true,
    description: 'The network\u2019s audit log (writes to network data), newest first. For the secretariat only: others get null and FORBIDDEN (UNAUTHENTICATED without a token).',
  })
  async networkAuditLog(
    @Ctx() context: NetworkContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('objectId', () => ID, { nullable: true, description: 'Only the entries of this object, e.g. a network initiative\u2019s id.' }) objectId?: string | null,
  ): Promise<Connection<NetworkAuditEntry> | null> {
    // The role first: a refused caller learns nothing, not even whether its arguments were valid.
    authorizeNetworkAuditRead(context.identity);
    return readAuditLog(context.dataSource, null, { first, after, objectId }, toNetworkAuditEntry);
  }
}
