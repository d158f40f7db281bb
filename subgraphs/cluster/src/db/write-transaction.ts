import type { EntityManager } from 'typeorm';
import type { AuditedWrite } from '../../../../shared/audit/record-audit';
import { recordAudit } from '../../../../shared/audit/record-audit';
import type { ClusterContext } from '../context';
import { runInTransaction } from '../../../../shared/transaction';

/** What a mutation says of each object it wrote; the operation and the caller are known already. */
export type AuditNote = Omit<AuditedWrite, 'operation'>;

/** Records one written object in the cluster's audit log, inside the write's transaction. */
export type Audit = (note: AuditNote) => Promise<void>;

/**
 * A mutation's write, in one transaction, with its audit entries: they commit together or not at
 * all. Afterwards the request's loaders start afresh: what they cached before the write (a member's
 * fees, a project's partners) would otherwise answer the mutation's selection, or a later root field
 * of the same operation, with the old rows.
 */
export async function writeTransaction<T>(context: ClusterContext, operation: string, work: (manager: EntityManager, audit: Audit) => Promise<T>): Promise<T> {
  try {
    return await runInTransaction(context.dataSource, (manager) => work(manager, (note) => recordAudit(manager, context.identity, { ...note, operation })));
  } finally {
    context.loaders = context.newLoaders();
  }
}
