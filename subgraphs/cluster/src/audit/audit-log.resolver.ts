import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { auditEntryFields, type StoredAuditEntry } from '../../../../shared/audit/audit-entry-fields.type';
import { readAuditLog } from '../../../../shared/audit/audit-log-page';
import { encodeGlobalId } from '../../../../shared/global-id';
import type { Connection } from '../../../../shared/paging/connection';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeAuditRead } from '../access/audit-access';
import type { ClusterContext } from '../context';
import { selectClusters } from '../paging/page-args';
import { AuditEntry } from './audit-entry.type';

export const AuditEntryConnectionTypes = connectionTypes('AuditEntry', AuditEntry);

function toAuditEntry(row: StoredAuditEntry, cluster: string): AuditEntry {
  return { id: encodeGlobalId(cluster, row.id), ...auditEntryFields(row) };
}

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryConnectionTypes.Connection, { nullable: true, description: 'A cluster\u2019s audit log, newest first. For its own staff only: others get null and FORBIDDEN (UNAUTHENTICATED without a token).' })
  @Directive(shardDirective({ route: 'cluster', arg: 'cluster' }))
  async auditLog(
    @Ctx() context: ClusterContext,
    @Arg('cluster', () => ID) cluster: string,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('objectId', () => ID, { nullable: true, description: 'Only the entries of this object.' }) objectId?: string | null,
  ): Promise<Connection<AuditEntry> | null> {
    // Checked on the cluster as named, before anything is read; an unknown cluster was refused at the gateway.
    selectClusters(context.clusterIds, [cluster]);
    authorizeAuditRead(context.identity, cluster);
    return readAuditLog(context.dataSource, cluster, { first, after, objectId }, (row) => toAuditEntry(row, cluster));
  }
}
