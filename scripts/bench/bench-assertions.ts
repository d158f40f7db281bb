import fs from 'node:fs';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX, type AssertionSigner, type AssertionVerifier } from '../../shared/auth/gateway-assertion';
import { generateSigningKey, publicKeySet, readSigningKeys } from '../../shared/auth/signing-keys';
import { createTokenVerifier, type TokenVerifier } from '../../shared/auth/tokens';

/**
 * The benchmark's processes prove themselves as a deployment's do: the gateways sign with one key
 * the run makes, the subgraphs check with its public half. Section A's subgraph takes requests
 * without an assertion (`off`): the stock gateway and the direct row cannot sign; ours signs anyway.
 */
export interface BenchAssertions {
  keysFile: string;
  subgraphs: 'required' | 'off';
  /** The key callers' tokens are signed with in this run; without it every process refuses tokens, and callers are anonymous. */
  tokenKeysFile?: string;
}

/** Writes a new token key for this run into `file`. */
export async function writeBenchTokenKeys(file: string): Promise<void> {
  fs.writeFileSync(file, JSON.stringify({ keys: [await generateSigningKey()] }), { mode: 0o600 });
}

/** How a benchmark process reads callers' tokens: with the run's token key, or not at all. */
export function benchTokenVerifier(assertions: BenchAssertions): TokenVerifier | undefined {
  return assertions.tokenKeysFile ? createTokenVerifier(publicKeySet(readSigningKeys(assertions.tokenKeysFile))) : undefined;
}

/** Writes a new gateway key for this run into `file`. */
export async function writeBenchGatewayKeys(file: string): Promise<void> {
  fs.writeFileSync(file, JSON.stringify({ keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] }), { mode: 0o600 });
}

export function benchSigner(assertions: BenchAssertions): AssertionSigner {
  return createAssertionSigner(readSigningKeys(assertions.keysFile));
}

export function benchVerifier(assertions: BenchAssertions, audience: readonly string[]): AssertionVerifier | 'off' {
  return assertions.subgraphs === 'off' ? 'off' : createAssertionVerifier(readSigningKeys(assertions.keysFile), audience);
}
