import { graphQLError } from '../errors';
import type { Identity } from './identity';

/** Every write needs a token: without one the caller is `UNAUTHENTICATED`. */
export function requireToken(identity: Identity, operation: string): void {
  if (identity.role === 'anonymous') {
    throw graphQLError('UNAUTHENTICATED', `${operation} needs a token: send "Authorization: Bearer <token>"`, { http: { status: 401 } });
  }
}

/** The caller's role does not allow the operation on this data. */
export function forbidden(operation: string, reason: string, extensions: Record<string, unknown> = {}): never {
  throw graphQLError('FORBIDDEN', `${operation} is not allowed: ${reason}`, extensions);
}

/** Network data (initiatives of the whole network) is written by the General Secretariat alone. */
export function requireSecretariat(identity: Identity, operation: string): void {
  requireToken(identity, operation);
  if (identity.role !== 'secretariat') forbidden(operation, 'network data is written by the secretariat alone', { role: identity.role });
}
