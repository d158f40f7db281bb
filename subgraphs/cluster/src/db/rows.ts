import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badUserInput, graphQLError } from '../../../../shared/errors';
import type { GlobalId } from '../../../../shared/global-id';
import { lockedRowQuery } from './locked-row';
import { field } from '../../../../shared/mutation-input';

type Keyed = ObjectLiteral & { clusterId: string; id: number };

/** An id as an error message shows it. */
export function idText(key: GlobalId): string {
  return `${key.clusterId}:${key.localId}`;
}

/** The row as committed now, locked until the transaction ends (see `lockedRowQuery`). */
export function findRow<Row extends Keyed>(manager: EntityManager, entity: EntityTarget<Row>, key: GlobalId): Promise<Row | null> {
  return lockedRowQuery(manager, entity, key).getOne();
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
