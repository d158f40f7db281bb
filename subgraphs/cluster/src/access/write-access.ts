import { forbidden, requireToken } from '../../../../shared/auth/authorize';
import type { Identity } from '../../../../shared/auth/identity';
import { tryDecodeGlobalId, type GlobalId } from '../../../../shared/global-id';

/** What a write touches, for deciding whether the caller may make it. */
export interface WriteTarget {
  /** The cluster whose data the write changes. */
  cluster: string;
  /**
   * For the few writes a member organisation makes for itself (joining a working group, asking for
   * a service, registering for an event): the member the write is for. Absent: staff only.
   */
  actingFor?: GlobalId;
}

/**
 * Who writes a cluster's data: its own staff (`cluster-admin`), and a member's people for their own
 * organisation where the write allows it. Analysts read only; the secretariat writes network data,
 * not a cluster's. Checked before the input's other fields, so a refused caller learns nothing of
 * the data.
 */
export function authorizeClusterWrite(identity: Identity, operation: string, target: WriteTarget): void {
  requireToken(identity, operation);
  const details = { role: identity.role, cluster: target.cluster };
  switch (identity.role) {
    case 'cluster-admin':
      if (identity.clusterId !== target.cluster) forbidden(operation, `a cluster's data is written by its own staff, and this is cluster "${target.cluster}"`, details);
      return;
    case 'member': {
      if (!target.actingFor) forbidden(operation, 'it is for the cluster\u2019s staff', details);
      const own = tryDecodeGlobalId(identity.memberId);
      const mine = own !== null && own.clusterId === target.actingFor.clusterId && own.localId === target.actingFor.localId;
      if (identity.clusterId !== target.cluster || !mine) forbidden(operation, 'a member acts only for its own organisation, in its own cluster', details);
      return;
    }
    case 'analyst':
      forbidden(operation, 'analysts read only', details);
      break;
    default:
      forbidden(operation, 'a cluster\u2019s data is written by its own staff', details);
  }
}
