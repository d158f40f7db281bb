import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { graphQLError } from '../errors';
import { publicKeySet, TOKEN_ALGORITHM, type SigningKeySet } from './signing-keys';

/**
 * How a subgraph knows a request comes from the network's gateway: each request the gateway sends
 * carries a short-lived JWT signed with the gateway's own key, for the audience of the clusters (or
 * the network subgraph) it is sent to, by id, so that a reverse proxy in front of a deployment
 * changes nothing. A subgraph reached around the gateway, without one, answers 401.
 *
 * The caller's own token travels beside it in `Authorization`, as before: the assertion says who
 * sent the request on, not who asked.
 */
export const GATEWAY_ASSERTION_HEADER = 'gateway-assertion';
export const ASSERTION_ISSUER = 'itro-gateway';
/** The audience of requests to the network subgraph; a cluster deployment's is its cluster ids. */
export const NETWORK_AUDIENCE = 'network';
/** Gateway keys carry this key-id prefix; a subgraph accepts assertions from no other key, and tokens from none of these. */
export const GATEWAY_KEY_PREFIX = 'gateway-';
/** How long an assertion is valid: long enough for clock skew and a slow shard, short enough that a leaked one soon dies. */
export const ASSERTION_VALID_SECONDS = 10;
/** An assertion is signed again once it is this old, so a signature costs once per audience every few seconds, not per request. */
const REUSE_FOR_MS = 4_000;
const MAX_ASSERTION_LENGTH = 2048;

/** Signs (or hands back a recent) assertion for a request to the clusters in `audience`. */
export type AssertionSigner = (audience: readonly string[]) => Promise<string>;

export function createAssertionSigner(keys: SigningKeySet, now: () => number = Date.now): AssertionSigner {
  const key = keys.keys[0];
  if (!key?.kid?.startsWith(GATEWAY_KEY_PREFIX)) throw new RangeError(`the gateway's signing key needs a kid starting with "${GATEWAY_KEY_PREFIX}"`);
  const privateKey = importJWK(key, TOKEN_ALGORITHM);
  const recent = new Map<string, { assertion: Promise<string>; signedAt: number }>();
  return (audience) => {
    const cacheKey = audience.join(',');
    const kept = recent.get(cacheKey);
    const at = now();
    if (kept && at - kept.signedAt < REUSE_FOR_MS) return kept.assertion;
    const assertion = privateKey.then((signingKey) =>
      new SignJWT({})
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid })
        .setIssuer(ASSERTION_ISSUER)
        .setAudience([...audience])
        .setIssuedAt(Math.floor(at / 1000))
        .setExpirationTime(Math.floor(at / 1000) + ASSERTION_VALID_SECONDS)
        .sign(signingKey),
    );
    recent.set(cacheKey, { assertion, signedAt: at });
    return assertion;
  };
}

/** Checks the assertion header of an incoming request; throws UNAUTHENTICATED (HTTP 401) when it is missing or not valid. */
export type AssertionVerifier = (header: string | undefined) => Promise<void>;

/**
 * Verifies assertions for `audience` (this deployment's cluster ids, or the network's) with the
 * public keys of `keySet` whose ids mark them as the gateway's. Verified assertions are kept until
 * they expire, so the gateway's reuse of one costs a map lookup, not a signature check.
 */
export function createAssertionVerifier(keySet: JWTVerifyGetKey | { keys: JWK[] }, audience: readonly string[], now: () => number = Date.now): AssertionVerifier {
  const keys = typeof keySet === 'function' ? keySet : createLocalJWKSet(publicKeySet({ keys: keySet.keys.filter((k) => k.kid?.startsWith(GATEWAY_KEY_PREFIX)) }));
  const verified = new Map<string, number>();
  return async (header) => {
    if (!header) throw refused('the request did not come through the network gateway (no gateway assertion)');
    if (header.length > MAX_ASSERTION_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(header)) throw refused('the gateway assertion is malformed');
    const until = verified.get(header);
    if (until !== undefined && until > now()) return;
    if (until !== undefined) verified.delete(header);
    let expiresAt: number;
    try {
      const { payload, protectedHeader } = await jwtVerify(header, keys, {
        issuer: ASSERTION_ISSUER,
        audience: [...audience],
        algorithms: [TOKEN_ALGORITHM],
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: `${ASSERTION_VALID_SECONDS + 5}s`,
        currentDate: new Date(now()),
      });
      if (!protectedHeader.kid?.startsWith(GATEWAY_KEY_PREFIX)) throw refused('the gateway assertion is not signed with a gateway key');
      expiresAt = Number(payload.exp) * 1000;
    } catch (error) {
      if ((error as { extensions?: unknown }).extensions) throw error;
      const code = (error as { code?: unknown }).code;
      throw refused(code === 'ERR_JWT_EXPIRED' ? 'the gateway assertion has expired' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'the gateway assertion is for another audience or issuer' : 'the gateway assertion is not valid');
    }
    verified.set(header, expiresAt);
    // Assertions are few (one per audience every few seconds); old ones are dropped as new ones come.
    if (verified.size > 1000) verified.delete(verified.keys().next().value!);
  };
}

/** What a subgraph given no gateway key checks with: every request is refused, none is let through unchecked. */
export const REFUSE_EVERY_REQUEST: AssertionVerifier = async () => {
  throw refused('this deployment has no gateway key to check requests with');
};

function refused(reason: string) {
  return graphQLError('UNAUTHENTICATED', `Not accepted: ${reason}`, { http: { status: 401 } });
}
