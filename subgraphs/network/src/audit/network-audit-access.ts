import { forbidden, requireToken } from '../../../../shared/auth/authorize';
import type { Identity } from '../../../../shared/auth/identity';

/**
 * The network's audit log is read by the General Secretariat, who write network data: it names
 * every writer and every old value. A cluster's staff read their own cluster's log instead.
 */
export function authorizeNetworkAuditRead(identity: Identity): void {
  requireToken(identity, 'networkAuditLog');
  if (identity.role !== 'secretariat') forbidden('networkAuditLog', 'the network\u2019s audit log is read by the secretariat', { role: identity.role });
}
