import type { Identity } from '../../../../shared/auth/identity';

/**
 * Board minutes are for the cluster's own: the people of its member organisations and its staff.
 * Anyone else sees that a meeting was held and when its minutes were recorded, not what they say.
 */
export function mayReadMinutes(identity: Identity, clusterId: string): boolean {
  return (identity.role === 'member' || identity.role === 'cluster-admin') && identity.clusterId === clusterId;
}
