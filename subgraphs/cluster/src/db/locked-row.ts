import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { GlobalId } from '../../../../shared/global-id';

/**
 * A query for one row of a cluster, as committed now and locked until the transaction ends. On
 * MySQL a plain read inside a transaction sees the snapshot of its first read, which may predate a
 * concurrent writer's commit; a locking read sees that commit and makes the next writer wait.
 * SQLite writers run one at a time already.
 */
export function lockedRowQuery<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, key: GlobalId): SelectQueryBuilder<Row> {
  const query = manager.getRepository(entity).createQueryBuilder('row').where('row.cluster_id = :clusterId AND row.id = :id', { clusterId: key.clusterId, id: key.localId });
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  return query;
}
