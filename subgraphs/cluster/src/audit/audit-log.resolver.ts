import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { AuditEntryEntity } from '../../../../shared/audit/audit-entry.entity';
import { decodeCursor, encodeCursor } from '../../../../shared/cursor';
import { encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeAuditRead } from '../access/audit-access';
import type { ClusterContext } from '../context';
import type { Connection } from '../paging/connection';
import { connectionTypes } from '../paging/connection-types';
import { pageSize, selectClusters } from '../paging/page-args';
import { AuditEntry } from './audit-entry.type';

export const AuditEntryConnectionTypes = connectionTypes('AuditEntry', AuditEntry);

/** Newest first; the cursor carries the entry's number, valid for this cluster's log only. */
const ORDER = 'RECORDED:DESC';

function toAuditEntry(row: AuditEntryEntity & { id: number; clusterId: string }): AuditEntry {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
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
    const size = pageSize(first);
    const before = after === null || after === undefined ? null : Number(decodeCursor(after, ORDER).value);
    const filtered = () => {
      const query = context.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').where('a.cluster_id = :cluster', { cluster });
      if (objectId !== null && objectId !== undefined) query.andWhere('a.object_id = :objectId', { objectId });
      return query;
    };
    const query = filtered().orderBy('a.id', 'DESC').take(size + 1);
    if (before !== null) query.andWhere('a.id < :before', { before });
    const rows = (await query.getMany()) as Array<AuditEntryEntity & { id: number; clusterId: string }>;
    const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor({ order: ORDER, value: row.id, clusterId: cluster, localId: row.id }), node: toAuditEntry(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: before !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      countTotal: () => filtered().getCount(),
    };
  }
}
