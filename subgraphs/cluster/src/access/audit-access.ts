import { forbidden, requireToken } from '../../../../shared/auth/authorize';
import type { Identity } from '../../../../shared/auth/identity';

/** A cluster's audit log is read by its own staff: it names every writer and every old value. */
export function authorizeAuditRead(identity: Identity, clusterId: string): void {
  requireToken(identity, 'auditLog');
  if (identity.role !== 'cluster-admin' || identity.clusterId !== clusterId) {
    forbidden('auditLog', `the audit log of cluster "${clusterId}" is read by its own staff`, { role: identity.role, cluster: clusterId });
  }
}
