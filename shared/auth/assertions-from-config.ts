import { createRemoteJWKSet } from 'jose';
import type { Config } from '../config';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX, type AssertionSigner, type AssertionVerifier } from './gateway-assertion';
import { loadOrCreateSigningKeys, type SigningKeySet } from './signing-keys';

type AssertionConfig = Pick<Config, 'gatewayKeysFile' | 'gatewayAssertions' | 'authJwksUrl'>;

/** The gateway's own key set, created in `GATEWAY_KEYS_FILE` on first use. */
export function gatewayKeysFromConfig(config: Pick<Config, 'gatewayKeysFile'>): Promise<SigningKeySet> {
  return loadOrCreateSigningKeys(config.gatewayKeysFile, GATEWAY_KEY_PREFIX);
}

/** How the gateway signs the assertion its requests to subgraphs carry. */
export async function assertionSignerFromConfig(config: Pick<Config, 'gatewayKeysFile'>): Promise<AssertionSigner> {
  return createAssertionSigner(await gatewayKeysFromConfig(config));
}

/**
 * How a subgraph serving `audience` checks that requests come from the gateway: with the key set
 * published at AUTH_JWKS_URL when set (the network subgraph publishes the gateway's public keys
 * there), or with the gateway's key file; not at all with `GATEWAY_ASSERTIONS=off`.
 */
export async function assertionVerifierFromConfig(config: AssertionConfig, audience: readonly string[]): Promise<AssertionVerifier | 'off'> {
  if (config.gatewayAssertions === 'off') return 'off';
  if (config.authJwksUrl) return createAssertionVerifier(createRemoteJWKSet(new URL(config.authJwksUrl), { cacheMaxAge: 600_000, cooldownDuration: 10_000, timeoutDuration: 5_000 }), audience);
  return createAssertionVerifier(await gatewayKeysFromConfig(config), audience);
}
