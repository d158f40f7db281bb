import { DEFAULT_PROTECTION } from '../../shared/gateway-protection';
import { generateSigningKey, type SigningKeySet } from '../../shared/auth/signing-keys';
import { issueToken, type TokenRequest } from '../../shared/auth/tokens';
import { dropDatabase } from '../../shared/data-source';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { ONE_DATABASE_NAME, runNetwork, type NetworkPlan, type RunningNetwork } from '../../scripts/run-network';
import type { Backend } from './mysql';

/** The key set every test network accepts tokens of (`tokenFor`). */
const TEST_KEYS_PROMISE = generateSigningKey().then((key) => ({ keys: [key] }));
let TEST_KEYS: SigningKeySet | undefined;

/** The key set test networks accept tokens of, for tests that look for it where it must not be. */
export function testSigningKeys(): Promise<SigningKeySet> {
  return TEST_KEYS_PROMISE;
}

/** A token for a test caller, signed with the key set test networks accept. */
export async function tokenFor(request: TokenRequest): Promise<string> {
  return issueToken(await TEST_KEYS_PROMISE, request);
}

/**
 * A seeded network for one test suite on `backend`, on ephemeral ports, with databases named
 * `<prefix>_<cluster>` so that suites running side by side never share one. Closing it also drops
 * its MySQL databases.
 */
export async function startTestNetwork(backend: Backend, prefix: string, overrides: Partial<NetworkPlan> = {}): Promise<RunningNetwork> {
  TEST_KEYS ??= await TEST_KEYS_PROMISE;
  const name = (id: string) => `${prefix}_${id.replaceAll('-', '_')}`;
  const network = await runNetwork({
    host: '127.0.0.1',
    ports: 'ephemeral',
    networkDatabaseUrl: backend.databaseUrl(name('network')),
    clusterDatabaseUrl: (id) => backend.databaseUrl(name(id)),
    seed: 'always',
    seedValue: 566,
    clusterUrl: (_id, port) => `http://127.0.0.1:${port}`,
    shardTimeoutMs: 10_000,
    logger: createLogger('test', 'silent'),
    authKeys: TEST_KEYS,
    // Suites send hundreds of requests a minute from one address; rate limits have their own test.
    protection: { ...DEFAULT_PROTECTION, rateLimits: null },
    ...overrides,
  });
  return {
    ...network,
    close: async () => {
      await network.close();
      if (backend.kind !== 'mysql') return;
      for (const id of ['network', ONE_DATABASE_NAME, ...FOUNDING_CLUSTERS.map((c) => c.id)]) await dropDatabase(backend.databaseUrl(name(id)));
    },
  };
}
