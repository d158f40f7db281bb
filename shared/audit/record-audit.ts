import type { EntityManager } from 'typeorm';
import type { Identity } from '../auth/identity';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditedWrite {
  /** The cluster whose data changed; null for network data. */
  clusterId: string | null;
  operation: string;
  objectType: string;
  objectId: string;
  /** The object before the write; null when the write created it. */
  before: object | null;
  after: object | null;
}

/**
 * Records a write in the audit log, through the write's own transaction manager: the entry commits
 * with the write or not at all. Only a caller with a token writes, so the subject is never null.
 */
export async function recordAudit(manager: EntityManager, identity: Identity, write: AuditedWrite): Promise<void> {
  if (identity.subject === null) throw new Error(`an anonymous caller reached the write ${write.operation}`);
  const entry: AuditEntryEntity = {
    clusterId: write.clusterId,
    recordedAt: new Date().toISOString(),
    actorRole: identity.role,
    actorSubject: identity.subject,
    actorMemberId: identity.memberId,
    operation: write.operation,
    objectType: write.objectType,
    objectId: write.objectId,
    before: write.before === null ? null : JSON.stringify(write.before),
    after: write.after === null ? null : JSON.stringify(write.after),
  };
  await manager.insert(AuditEntryEntity, entry);
}
