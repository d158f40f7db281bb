import { CLUSTER_ID_PATTERN, tryDecodeGlobalId } from '../global-id';
import { isTokenRole, type Role } from './roles';

/** The caller as every subgraph sees it, read from a verified token or anonymous. */
export interface Identity {
  role: Role;
  /** The token's subject (a person or a service), null when anonymous. */
  subject: string | null;
  /** `member` and `cluster-admin`: the cluster they belong to. */
  clusterId: string | null;
  /** `member`: the member organisation's global id, of `clusterId`. */
  memberId: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({ role: 'anonymous', subject: null, clusterId: null, memberId: null });

/** The claims our tokens carry besides the registered ones. */
export interface IdentityClaims {
  role: Exclude<Role, 'anonymous'>;
  cluster?: string;
  member?: string;
}

/**
 * The identity a verified token's claims describe, or the reason they describe none. A role that
 * belongs to a cluster must name it; a member must name its organisation, of that cluster; roles of
 * the whole network must not name a cluster, so a token never means more than one thing.
 */
export function identityFromClaims(claims: Record<string, unknown>): Identity | string {
  const { role, cluster, member, sub } = claims;
  if (!isTokenRole(role)) return 'the token names no known role';
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return 'the token has no subject';
  const needsCluster = role === 'member' || role === 'cluster-admin';
  if (needsCluster !== (cluster !== undefined)) return needsCluster ? `a ${role} token must name its cluster` : `a ${role} token must not name a cluster`;
  if (cluster !== undefined && (typeof cluster !== 'string' || !CLUSTER_ID_PATTERN.test(cluster))) return 'the token names a malformed cluster';
  if ((role === 'member') !== (member !== undefined)) return role === 'member' ? 'a member token must name its member organisation' : 'only a member token names a member organisation';
  if (member !== undefined) {
    const id = tryDecodeGlobalId(member);
    if (!id || id.clusterId !== cluster) return 'the token\u2019s member organisation is not of its cluster';
  }
  return { role, subject: sub, clusterId: (cluster as string | undefined) ?? null, memberId: (member as string | undefined) ?? null };
}
