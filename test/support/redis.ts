import { spawnSync } from 'node:child_process';
import { describeRequiring, type Probe } from './required-service';

/**
 * Suites that need Redis (rate-limit counters shared by replicas) run when the server at
 * `REDIS_TEST_URL` (default `redis://127.0.0.1:6379`) answers; see `describeRequiring`.
 */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL || 'redis://127.0.0.1:6379';

function probeRedis(): Probe {
  // Jest collects tests synchronously: a short child process answers whether Redis is there.
  const script = `const { Redis } = require(process.env.ITRO_IOREDIS_PATH);
const client = new Redis(process.env.REDIS_TEST_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
client.connect().then(() => client.ping()).then(() => { client.disconnect(); process.exit(0); }, (error) => { console.error(String(error && error.message)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, REDIS_TEST_URL, ITRO_IOREDIS_PATH: require.resolve('ioredis') },
    encoding: 'utf8',
    timeout: 5000,
  });
  return result.status === 0 ? { ok: true } : { ok: false, reason: (result.stderr || result.error?.message || 'no answer').trim() };
}

let probe: Probe | undefined;

/** `describe` when Redis answers (or CI requires it), a loudly skipped one otherwise. */
export function describeWithRedis(name: string, fn: () => void): void {
  probe ??= probeRedis();
  describeRequiring(`${name} [redis]`, { what: `Redis at ${REDIS_TEST_URL}`, probe, hint: 'Start redis-server or set REDIS_TEST_URL' }, fn);
}
