import { spawnSync } from 'node:child_process';

/**
 * Suites that need Redis (rate-limit counters shared by replicas) run when the server at
 * `REDIS_TEST_URL` (default `redis://127.0.0.1:6379`) answers. Under CI=true a missing Redis fails
 * them; elsewhere they are skipped with a loud warning, like the MySQL suites.
 */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL || 'redis://127.0.0.1:6379';

function probeRedis(): { ok: boolean; reason: string } {
  // Jest collects tests synchronously: a short child process answers whether Redis is there.
  const script = `const { Redis } = require(process.env.ITRO_IOREDIS_PATH);
const client = new Redis(process.env.REDIS_TEST_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
client.connect().then(() => client.ping()).then(() => { client.disconnect(); process.exit(0); }, (error) => { console.error(String(error && error.message)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, REDIS_TEST_URL, ITRO_IOREDIS_PATH: require.resolve('ioredis') },
    encoding: 'utf8',
    timeout: 5000,
  });
  return result.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: (result.stderr || result.error?.message || 'no answer').trim() };
}

let probe: { ok: boolean; reason: string } | undefined;

/** `describe` when Redis answers (or CI requires it), a loudly skipped one otherwise. */
export function describeWithRedis(name: string, fn: () => void): void {
  probe ??= probeRedis();
  const found = probe;
  if (found.ok || process.env.CI === 'true') {
    describe(`${name} [redis]`, () => {
      beforeAll(() => {
        if (!found.ok) throw new Error(`Redis at ${REDIS_TEST_URL} is not reachable (${found.reason}); CI=true requires the Redis tests to run.`);
      });
      fn();
    });
    return;
  }
  console.warn(`\n!!! Redis tests SKIPPED for "${name}": ${REDIS_TEST_URL} is not reachable (${found.reason}). Under CI=true this is a failure.\n`);
  describe.skip(`${name} [redis]`, fn);
}
