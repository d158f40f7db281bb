import type { EntityManager } from 'typeorm';
import { lockIdSequence, nextId, type IdSequence } from '../../../../shared/id-sequence';

/** The numbering of one cluster's rows in `table`: its row in `local_id_sequences`. */
function localIds(table: string, clusterId: string): IdSequence {
  return { sequences: 'local_id_sequences', table, scope: { cluster_id: clusterId } };
}

/**
 * The next local id of a cluster's rows in `table`. It locks the cluster's sequence of that table
 * until the transaction ends, so a concurrent writer of the table waits for this one to commit, and
 * the checks it makes afterwards see what this one wrote. Take it first in the transaction.
 */
export function nextLocalId(manager: EntityManager, table: string, clusterId: string): Promise<number> {
  return nextId(manager, localIds(table, clusterId));
}

/**
 * The same lock as `nextLocalId`, without taking an id: for a write that must see every other
 * writer of the table, such as the check that a new name is free before a rename.
 */
export function lockLocalIds(manager: EntityManager, table: string, clusterId: string): Promise<void> {
  return lockIdSequence(manager, localIds(table, clusterId));
}
