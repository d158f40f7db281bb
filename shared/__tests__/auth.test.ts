import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, importJWK } from 'jose';
import { ANONYMOUS, identityFromClaims } from '../auth/identity';
import { generateSigningKey, loadOrCreateSigningKeys, publicKeySet, type SigningKeySet } from '../auth/signing-keys';
import { createRemoteTokenVerifier, createTokenVerifier, issueToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../auth/tokens';

async function rejection(promise: Promise<unknown>): Promise<{ message: string; code: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { message: (error as Error).message, code: (error as { extensions?: { code?: unknown } }).extensions?.code };
  }
  throw new Error('expected a rejection');
}

describe('tokens', () => {
  let keys: SigningKeySet;
  beforeAll(async () => {
    keys = { keys: [await generateSigningKey()] };
  });

  it('carries each role from the token to the identity, verified with the public keys only', async () => {
    const verify = createTokenVerifier(publicKeySet(keys));
    const cases = [
      { request: { subject: 'ana', role: 'member' as const, cluster: 'banat', member: 'banat:12' }, identity: { role: 'member', subject: 'ana', clusterId: 'banat', memberId: 'banat:12' } },
      { request: { subject: 'staff-1', role: 'cluster-admin' as const, cluster: 'banat' }, identity: { role: 'cluster-admin', subject: 'staff-1', clusterId: 'banat', memberId: null } },
      { request: { subject: 'sg', role: 'secretariat' as const }, identity: { role: 'secretariat', subject: 'sg', clusterId: null, memberId: null } },
      { request: { subject: 'ro-analyst', role: 'analyst' as const }, identity: { role: 'analyst', subject: 'ro-analyst', clusterId: null, memberId: null } },
    ];
    for (const { request, identity } of cases) expect(await verify(`Bearer ${await issueToken(keys, request)}`)).toEqual(identity);
    expect(publicKeySet(keys).keys.every((key) => !('d' in key))).toBe(true);
  });

  it('treats no header as anonymous, and every bad token as UNAUTHENTICATED', async () => {
    const verify = createTokenVerifier(keys);
    expect(await verify(undefined)).toEqual(ANONYMOUS);
    const good = await issueToken(keys, { subject: 'ana', role: 'analyst' });
    const other = { keys: [await generateSigningKey()] };
    const foreign = await issueToken(other, { subject: 'ana', role: 'analyst' });
    const expired = await issueToken(keys, { subject: 'ana', role: 'analyst', expiresIn: '-1s' });
    const [header, payload, signature] = good.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ role: 'secretariat', sub: 'ana', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    for (const bad of [good, `Basic ${good}`, `Bearer ${foreign}`, `Bearer ${expired}`, `Bearer ${tampered}`, `Bearer ${payload}`, 'Bearer ', `Bearer ${'a'.repeat(5000)}.b.c`]) {
      const failure = await rejection(verify(bad));
      expect(failure.code).toBe('UNAUTHENTICATED');
    }
    expect((await rejection(verify(`Bearer ${expired}`))).message).toContain('expired');
  });

  it('refuses a token whose claims do not make one identity, even when correctly signed', async () => {
    const verify = createTokenVerifier(keys);
    const sign = async (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: keys.keys[0]!.kid }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime('1h').sign(await importJWK(keys.keys[0]!, 'ES256'));
    for (const claims of [
      { sub: 'x', role: 'root' },
      { sub: 'x', role: 'member', cluster: 'banat' },
      { sub: 'x', role: 'member', cluster: 'banat', member: 'transilvania:3' },
      { sub: 'x', role: 'cluster-admin' },
      { sub: 'x', role: 'analyst', cluster: 'banat' },
      { role: 'analyst' },
    ]) {
      expect((await rejection(verify(`Bearer ${await sign(claims)}`))).code).toBe('UNAUTHENTICATED');
    }
    await expect(issueToken(keys, { subject: 'x', role: 'member', cluster: 'banat' })).rejects.toThrow('must name its member organisation');
  });

  it('verifies tokens of an older key while it stays in the set, and not after', async () => {
    const old = await issueToken(keys, { subject: 'ana', role: 'analyst' });
    const rotated = { keys: [await generateSigningKey(), ...keys.keys] };
    expect((await createTokenVerifier(rotated)(`Bearer ${old}`)).role).toBe('analyst');
    const fresh = await issueToken(rotated, { subject: 'ana', role: 'analyst' });
    expect(JSON.parse(Buffer.from(fresh.split('.')[0]!, 'base64url').toString()).kid).toBe(rotated.keys[0]!.kid);
    const retired = { keys: [rotated.keys[0]!] };
    expect((await rejection(createTokenVerifier(retired)(`Bearer ${old}`))).code).toBe('UNAUTHENTICATED');
  });

  it('verifies with a published key set, and fetches it again for a key rotated in since', async () => {
    let published = publicKeySet(keys);
    let fetches = 0;
    const server = http.createServer((_request, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(published));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createRemoteTokenVerifier(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, { cooldownMs: 0 });
      expect((await verify(`Bearer ${await issueToken(keys, { subject: 'ana', role: 'analyst' })}`)).subject).toBe('ana');
      expect(published.keys.every((key) => key.d === undefined)).toBe(true);
      const rotated = { keys: [await generateSigningKey(), ...keys.keys] };
      published = publicKeySet(rotated);
      expect((await verify(`Bearer ${await issueToken(rotated, { subject: 'dan', role: 'secretariat' })}`)).role).toBe('secretariat');
      expect(fetches).toBe(2);
    } finally {
      server.close();
    }
  });

  it('says the key set is unavailable, not that the token is bad, when it cannot be fetched', async () => {
    const verify = createRemoteTokenVerifier('http://127.0.0.1:9/.well-known/jwks.json');
    const refused = await rejection(verify(`Bearer ${await issueToken(keys, { subject: 'ana', role: 'analyst' })}`));
    expect(refused.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await verify(undefined)).toBe(ANONYMOUS);
  });

  it('takes a token it verified lately as verified, but never past its expiry', async () => {
    const verify = createTokenVerifier(keys);
    const token = `Bearer ${await issueToken(keys, { subject: 'ana', role: 'analyst', expiresIn: '2s' })}`;
    expect((await verify(token)).subject).toBe('ana');
    expect((await verify(token)).subject).toBe('ana');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await rejection(verify(token))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('creates a key set on first start and reads the same one afterwards', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-keys-'));
    try {
      const file = path.join(folder, 'auth', 'signing-keys.json');
      const first = await loadOrCreateSigningKeys(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(await loadOrCreateSigningKeys(file)).toEqual(first);
      fs.writeFileSync(file, '{"keys":[]}');
      await expect(loadOrCreateSigningKeys(file)).rejects.toThrow('holds no signing keys');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads identities from claims as a pure function', () => {
    expect(identityFromClaims({ sub: 'a', role: 'member', cluster: 'banat', member: 'banat:1' })).toEqual({ role: 'member', subject: 'a', clusterId: 'banat', memberId: 'banat:1' });
    expect(identityFromClaims({ sub: 'a', role: 'anonymous' })).toBe('the token names no known role');
  });
});
