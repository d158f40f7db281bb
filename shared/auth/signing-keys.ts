import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** Tokens are signed with ECDSA P-256: small signatures, and a public key any subgraph can hold. */
export const TOKEN_ALGORITHM = 'ES256';

/** A key set as stored: private JWKs, the newest first. The newest signs; every one verifies. */
export interface SigningKeySet {
  keys: JWK[];
}

/** The public half of a key set: what subgraphs verify with (`/.well-known/jwks.json`). */
export function publicKeySet(set: SigningKeySet): { keys: JWK[] } {
  return {
    keys: set.keys.map(({ kty, crv, x, y, kid, alg }) => ({ kty, crv, x, y, kid, alg, use: 'sig' })),
  };
}

/** A new private key; `prefix` starts its key id (`gateway-` for the gateway's own keys). */
export async function generateSigningKey(prefix = 'itro-'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: TOKEN_ALGORITHM, kid: `${prefix}${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}` };
}

/**
 * The key set in `file`; on first start (no file yet) a new one with one key, written readable by
 * its owner only. Rotation: put a new key first and keep the old ones until their tokens expire.
 */
export async function loadOrCreateSigningKeys(file: string, prefix?: string): Promise<SigningKeySet> {
  if (fs.existsSync(file)) return readSigningKeys(file);
  const set: SigningKeySet = { keys: [await generateSigningKey(prefix)] };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // `wx`: two processes starting at once must not overwrite each other's new key.
  try {
    fs.writeFileSync(file, `${JSON.stringify(set, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    return readSigningKeys(file);
  }
  return set;
}

export function readSigningKeys(file: string): SigningKeySet {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((key) => typeof key !== 'object' || key === null || typeof (key as JWK).kid !== 'string' || typeof (key as JWK).d !== 'string')) {
    throw new Error(`${file} holds no signing keys: expected { "keys": [ private EC JWKs with a kid ] }`);
  }
  return { keys: keys as JWK[] };
}
