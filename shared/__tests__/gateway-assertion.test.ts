import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX } from '../auth/gateway-assertion';
import { generateSigningKey } from '../auth/signing-keys';
import { createTokenVerifier, issueToken } from '../auth/tokens';
import { SignJWT, importJWK } from 'jose';

describe('gateway assertions', () => {
  it('signs once per audience every few seconds and verifies for that audience only', async () => {
    const keys = { keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] };
    const clock = { now: Date.now() };
    const sign = createAssertionSigner(keys, () => clock.now);
    const first = await sign(['banat']);
    expect(await sign(['banat'])).toBe(first);
    expect(await sign(['inomar'])).not.toBe(first);
    clock.now += 5_000;
    expect(await sign(['banat'])).not.toBe(first);
    await expect(createAssertionVerifier(keys, ['banat'])(first)).resolves.toBeUndefined();
    await expect(createAssertionVerifier(keys, ['inomar'])(first)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('takes an assertion for a one-database deployment when its audience holds any of the deployment\u2019s clusters', async () => {
    const keys = { keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] };
    const assertion = await createAssertionSigner(keys)(['banat', 'inomar']);
    await expect(createAssertionVerifier(keys, ['inomar'])(assertion)).resolves.toBeUndefined();
  });

  it('refuses to sign with a key that is not marked as the gateway\u2019s', async () => {
    expect(() => createAssertionSigner({ keys: [{ kty: 'EC', kid: 'itro-x' }] })).toThrow(/gateway-/);
  });

  it('refuses as an assertion a JWT signed by a token key, even with the assertion\u2019s claims', async () => {
    const tokenKey = await generateSigningKey();
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: tokenKey.kid! })
      .setIssuer('itro-gateway')
      .setAudience(['banat'])
      .setIssuedAt()
      .setExpirationTime('10s')
      .sign(await importJWK(tokenKey, 'ES256'));
    await expect(createAssertionVerifier({ keys: [tokenKey] }, ['banat'])(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses as a caller\u2019s token one signed with a gateway key', async () => {
    const gatewayKey = await generateSigningKey(GATEWAY_KEY_PREFIX);
    const token = await issueToken({ keys: [gatewayKey] }, { subject: 'x', role: 'secretariat' });
    await expect(createTokenVerifier({ keys: [gatewayKey] })(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
