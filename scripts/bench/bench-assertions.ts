import fs from 'node:fs';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX, type AssertionSigner, type AssertionVerifier } from '../../shared/auth/gateway-assertion';
import { generateSigningKey, readSigningKeys } from '../../shared/auth/signing-keys';

/**
 * The benchmark's processes prove themselves as a deployment's do: the gateways sign with one key
 * the run makes, the subgraphs check with its public half. Section A's subgraph takes requests
 * without an assertion (`off`): the stock gateway and the direct row cannot sign; ours signs anyway.
 */
export interface BenchAssertions {
  keysFile: string;
  subgraphs: 'required' | 'off';
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
