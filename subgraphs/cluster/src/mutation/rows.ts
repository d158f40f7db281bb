import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badUserInput, graphQLError } from '../../../../shared/errors';
import type { GlobalId } from '../../../../shared/global-id';
import { MemberEntity } from '../member/member.entity';
import { MembershipStatus } from '../membership/membership-status';
import { field } from './validate';

type Keyed = ObjectLiteral & { clusterId: string; id: number };

function idText(key: GlobalId): string {
  return `${key.clusterId}:${key.localId}`;
}

/**
 * The row as committed now, locked until the transaction ends. On MySQL a plain read inside a
 * transaction sees the snapshot of its first read, which may predate a concurrent writer's commit;
 * a locking read sees that commit and makes the next writer wait. SQLite writers are serial already.
 */
export function findRow<Row extends Keyed>(manager: EntityManager, entity: EntityTarget<Row>, key: GlobalId): Promise<Row | null> {
  const query = manager.getRepository(entity).createQueryBuilder('row').where('row.cluster_id = :clusterId AND row.id = :id', { clusterId: key.clusterId, id: key.localId });
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

/** The row the mutation changes: missing is `NOT_FOUND`. */
export async function targetRow<Row extends Keyed>(manager: EntityManager, entity: EntityTarget<Row>, key: GlobalId, what: string, name = 'id'): Promise<Row> {
  const row = await findRow(manager, entity, key);
  if (!row) throw graphQLError('NOT_FOUND', `No ${what} with id "${idText(key)}"`, { field: field(name) });
  return row;
}

/** A row the input refers to (a lead, a meeting): missing is the caller's mistake, `BAD_USER_INPUT`. */
export async function referencedRow<Row extends Keyed>(manager: EntityManager, entity: EntityTarget<Row>, key: GlobalId, what: string, name: string): Promise<Row> {
  const row = await findRow(manager, entity, key);
  if (!row) throw badUserInput(`${field(name)} names no ${what}: "${idText(key)}"`, { field: field(name) });
  return row;
}

/** A member of this cluster that still belongs to it. */
export async function currentMember(manager: EntityManager, key: GlobalId, name: string): Promise<MemberEntity> {
  const member = await referencedRow(manager, MemberEntity, key, 'member', name);
  if (member.membershipStatus === MembershipStatus.LEFT) {
    throw badUserInput(`${field(name)}: member "${idText(key)}" has left the cluster`, { field: field(name) });
  }
  return member;
}
