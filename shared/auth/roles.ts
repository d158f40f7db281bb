/**
 * Who a caller is to the network. `anonymous` is the absence of a token; every other role comes
 * from a signed token.
 */
export const ROLES = {
  anonymous: 'no token: the public directory, public projects and aggregates',
  member: 'a person of one member organisation of one cluster',
  'cluster-admin': 'staff of one cluster, who administer its data',
  secretariat: 'the network\u2019s General Secretariat, who write network data',
  analyst: 'read-only, network-wide',
} as const;

export type Role = keyof typeof ROLES;

/** The roles a token may carry. */
export const TOKEN_ROLES: readonly Exclude<Role, 'anonymous'>[] = ['member', 'cluster-admin', 'secretariat', 'analyst'];

export function isTokenRole(value: unknown): value is Exclude<Role, 'anonymous'> {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}
