import type { Config } from '../config';
import { loadOrCreateSigningKeys } from './signing-keys';
import { createRemoteTokenVerifier, createTokenVerifier, type TokenVerifier } from './tokens';

/**
 * How a standalone process verifies tokens: with the key set published at AUTH_JWKS_URL when it is
 * set (a deployment where only the network subgraph holds the keys), or else with the key file.
 */
export async function tokenVerifierFromConfig(config: Pick<Config, 'authJwksUrl' | 'authKeysFile'>): Promise<TokenVerifier> {
  return config.authJwksUrl ? createRemoteTokenVerifier(config.authJwksUrl) : createTokenVerifier(await loadOrCreateSigningKeys(config.authKeysFile));
}
