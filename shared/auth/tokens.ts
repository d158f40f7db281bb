import { createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { graphQLError } from '../errors';
import { GATEWAY_KEY_PREFIX } from './gateway-assertion';
import { ANONYMOUS, identityFromClaims, type Identity, type IdentityClaims } from './identity';
import { publicKeySet, TOKEN_ALGORITHM, type SigningKeySet } from './signing-keys';

export const TOKEN_ISSUER = 'itro-federation';
export const TOKEN_AUDIENCE = 'itro-network';
/** Tokens longer than this are refused before any parsing. */
const MAX_TOKEN_LENGTH = 4096;

export interface TokenRequest extends IdentityClaims {
  subject: string;
  /** A jose duration (`8h`, `30d`); 8 hours by default. */
  expiresIn?: string;
}

/** A signed token for `request`, with the newest key of the set. */
export async function issueToken(keys: SigningKeySet, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role, ...(request.cluster ? { cluster: request.cluster } : {}), ...(request.member ? { member: request.member } : {}) };
  const problem = identityFromClaims({ ...claims, sub: request.subject });
  if (typeof problem === 'string') throw new RangeError(problem);
  const key = keys.keys[0]!;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid })
    .setSubject(request.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(await importJWK(key, TOKEN_ALGORITHM));
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

/**
 * Reads the caller from an `Authorization: Bearer …` header. No header is anonymous; anything else
 * that is not a valid, unexpired token of ours for a well-formed identity is `UNAUTHENTICATED`,
 * never an anonymous fallback: a client that sends a token means to be someone.
 */
export function createTokenVerifier(keys: { keys: JWK[] }): TokenVerifier {
  // Only the public halves are kept, whether a private set or a published one was given.
  return verifierOver(createLocalJWKSet(publicKeySet(keys)));
}

/**
 * The same, with the keys published at `jwksUrl` (the network subgraph's
 * `/.well-known/jwks.json`): fetched on first use, kept for ten minutes, and fetched again when a
 * token names a key it does not know yet (at most once per `cooldownMs`, so tokens with made-up
 * key ids cannot make it fetch on every request). That is how a rotated key reaches every process
 * without a restart.
 */
export function createRemoteTokenVerifier(jwksUrl: string, { cooldownMs = 10_000 } = {}): TokenVerifier {
  return verifierOver(createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 600_000, cooldownDuration: cooldownMs, timeoutDuration: 5_000 }));
}

/** Tokens verified lately, kept so that a caller's every request (and every shard it reaches) does not pay for the signature again. */
const VERIFIED_TOKENS_KEPT = 1000;
/** How long a verified token is taken as verified: a key retired from the set stops being accepted within this. */
const VERIFIED_FOR_MS = 60_000;

function verifierOver(keySet: JWTVerifyGetKey): TokenVerifier {
  // Insertion order is age: the first entry is the oldest, dropped when the map is full.
  const verified = new Map<string, { identity: Identity; until: number }>();
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!match || authorization.length > MAX_TOKEN_LENGTH) throw unauthenticated('the Authorization header is not "Bearer <token>"');
    const token = match[1]!;
    const known = verified.get(token);
    if (known && known.until > Date.now()) return known.identity;
    if (known) verified.delete(token);
    const checked = await verifiedIdentity(token, keySet);
    verified.set(token, { identity: checked.identity, until: Math.min(checked.expiresAt, Date.now() + VERIFIED_FOR_MS) });
    if (verified.size > VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    return checked.identity;
  };
}

/** Checks the token's signature, issuer, audience, expiry and claims. */
async function verifiedIdentity(token: string, keySet: JWTVerifyGetKey): Promise<{ identity: Identity; expiresAt: number }> {
  let payload: Record<string, unknown>;
  let kid: string | undefined;
  try {
    ({ payload, protectedHeader: { kid } } = await jwtVerify(token, keySet, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALGORITHM], requiredClaims: ['exp'] }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // jose's own codes say what is wrong with the token, except these two about fetching the key
    // set; a socket error (ECONNREFUSED) has a code of its own.
    if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC' || typeof code !== 'string' || !code.startsWith('ERR_J')) {
      // The published key set could not be fetched: the caller's token may be fine.
      throw graphQLError('INTERNAL_SERVER_ERROR', 'The key set to verify tokens with is unavailable', { http: { status: 503 } });
    }
    throw unauthenticated(code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid');
  }
  // The published set holds the gateway's keys too; they sign gateway assertions, never callers' tokens.
  if (kid?.startsWith(GATEWAY_KEY_PREFIX)) throw unauthenticated('the token is not valid');
  const identity = identityFromClaims(payload);
  if (typeof identity === 'string') throw unauthenticated(identity);
  return { identity, expiresAt: Number(payload.exp) * 1000 };
}

function unauthenticated(reason: string) {
  // `http.status`: Apollo Server answers a context that fails this way with 401, not 500.
  return graphQLError('UNAUTHENTICATED', `Not signed in: ${reason}`, { http: { status: 401 } });
}

/** Verifies nothing: no token is anonymous, and every token is refused (no key set to check it). */
export const REFUSE_EVERY_TOKEN: TokenVerifier = async (authorization) => {
  if (authorization === undefined || authorization === '') return ANONYMOUS;
  throw unauthenticated('this deployment has no key set to verify tokens with');
};

/** The `Authorization` header of an incoming HTTP request, if it sent exactly one. */
export function authorizationOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const value = headers.authorization;
  return typeof value === 'string' ? value : undefined;
}
