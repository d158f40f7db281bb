import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { graphQLError } from '../../../../shared/errors';
import type { GlobalId } from '../../../../shared/global-id';
import { lockedRowQuery } from './locked-row';

/**
 * Optimistic concurrency: updates the row only if it still has the version the caller read, and
 * bumps it. Zero rows changed means the row is gone (`NOT_FOUND`) or someone else changed it
 * first (`CONFLICT`, with the version it has now).
 */
export async function updateVersioned<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  what: string,
  key: GlobalId,
  expectedVersion: number,
  changes: Partial<Row>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('cluster_id = :clusterId AND id = :id AND version = :version', { clusterId: key.clusterId, id: key.localId, version: expectedVersion })
    .execute();
  if (result.affected === 1) return;
  // A locking read sees the version committed now, not the transaction's snapshot (MySQL).
  const current = await lockedRowQuery(manager, entity, key).select('row.version', 'version').getRawOne<{ version: number | string }>();
  const id = `${key.clusterId}:${key.localId}`;
  if (!current) throw graphQLError('NOT_FOUND', `No ${what} with id "${id}"`, { field: 'input.id' });
  throw graphQLError('CONFLICT', `The ${what} "${id}" was changed by someone else: it is at version ${Number(current.version)}, not ${expectedVersion}. Read it again and retry.`, {
    currentVersion: Number(current.version),
  });
}
