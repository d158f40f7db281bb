import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor';
import { badUserInput } from '../errors';
import { pageSize } from '../page-size';
import type { Connection } from '../paging/connection';
import { AuditEntryEntity } from './audit-entry.entity';
import type { StoredAuditEntry } from './audit-entry-fields.type';

/** Newest first: entries are numbered in the order they were written. */
const ORDER = 'RECORDED:DESC';

/**
 * The name a cursor carries for the network's own log, where a cluster's log carries its cluster
 * id. A cursor names its log so that another log refuses it instead of paging from a number that
 * means nothing there; a cluster called `network` would share the name, and lose only that check.
 */
const NETWORK_LOG = 'network';

export interface AuditLogArgs {
  first?: number | null;
  after?: string | null;
  /** Only the entries of this object. */
  objectId?: string | null;
}

/**
 * One page of the audit log of one database, newest first: a cluster's (`clusterId`), or the
 * network's own (`null`). The caller decides who may read it before asking; the page size and
 * the cursor are checked here, the same for every log.
 */
export async function readAuditLog<Node>(
  dataSource: DataSource,
  clusterId: string | null,
  args: AuditLogArgs,
  toNode: (row: StoredAuditEntry) => Node,
): Promise<Connection<Node>> {
  const size = pageSize(args.first);
  const log = clusterId ?? NETWORK_LOG;
  const before = args.after === null || args.after === undefined ? null : entryBefore(args.after, log);
  const filtered = () => {
    const query = dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (clusterId === null) query.where('a.cluster_id IS NULL');
    else query.where('a.cluster_id = :cluster', { cluster: clusterId });
    if (args.objectId !== null && args.objectId !== undefined) query.andWhere('a.object_id = :objectId', { objectId: args.objectId });
    return query;
  };
  // One row more than the page tells whether another page follows.
  const query = filtered().orderBy('a.id', 'DESC').take(size + 1);
  if (before !== null) query.andWhere('a.id < :before', { before });
  const rows = (await query.getMany()) as StoredAuditEntry[];
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor({ order: ORDER, value: row.id, clusterId: log, localId: row.id }), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: before !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: () => filtered().getCount(),
  };
}

/** The entry number a cursor of `log` stands for; a cursor of another ordering or log is `BAD_USER_INPUT`. */
function entryBefore(after: string, log: string): number {
  const cursor = decodeCursor(after, ORDER);
  if (cursor.clusterId !== log || typeof cursor.value !== 'number') throw badUserInput('The cursor belongs to another audit log', { argument: 'after' });
  return cursor.value;
}
