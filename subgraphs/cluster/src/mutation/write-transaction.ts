import type { EntityManager } from 'typeorm';
import type { ClusterContext } from '../context';
import { runInTransaction } from '../db/transaction';

/**
 * A mutation's write, in one transaction. Afterwards the request's loaders start afresh: what they
 * cached before the write (a member's fees, a project's partners) would otherwise answer the
 * mutation's selection, or a later root field of the same operation, with the old rows.
 */
export async function writeTransaction<T>(context: ClusterContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await runInTransaction(context.dataSource, work);
  } finally {
    context.loaders = context.newLoaders();
  }
}
