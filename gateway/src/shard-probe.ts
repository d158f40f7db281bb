import type { ShardHealth } from './shard-router/shard-client';
import type { Shard } from './shard-router/shard-set';
import { boundedText, MAX_HEALTH_BYTES, parsedOrNull } from './bounded-body';

/** One cluster deployment as the dashboard shows it. */
export interface ShardStatus {
  /** The clusters it serves (one, but for the one-database oracle). */
  clusters: readonly string[];
  status: 'up' | 'slow' | 'down';
  /** The probe's round trip; null when it got no answer. */
  latencyMs: number | null;
  /** The circuit breaker's state, from the requests the gateway routed. */
  breaker: ShardHealth['state'];
  /** Why it is down or slow, in words. */
  reason: string | null;
  /** The program version its `/health` reports; null when it did not answer or said none. */
  version: string | null;
  /** The hash of each logical subgraph's SDL it serves, as its `/health` reports them. */
  schemas: Readonly<Record<string, string>> | null;
}

/** What a deployment's `/health` says of its program, read strictly: it is another organisation's answer. */
export function programOf(body: unknown): Pick<ShardStatus, 'version' | 'schemas'> {
  const { version, schemas } = (typeof body === 'object' && body !== null ? body : {}) as { version?: unknown; schemas?: unknown };
  const plain = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9._+-]{1,64}$/.test(value);
  const entries = typeof schemas === 'object' && schemas !== null && !Array.isArray(schemas) ? Object.entries(schemas).filter(([name, hash]) => plain(name) && plain(hash)).slice(0, 16) : [];
  return { version: plain(version) ? version : null, schemas: entries.length ? Object.fromEntries(entries) : null };
}

/** A probe slower than this marks the cluster slow: a page over nine shards waits for the slowest. */
export const SLOW_PROBE_MS = 500;
/** Answers are kept this long, so that many open dashboards do not multiply the probes. */
const PROBE_KEPT_MS = 2_000;
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Asks every shard's `/health` now, in parallel, each within its own timeout (at most 3 s), and
 * combines the answer with the breaker's view: a shard whose circuit is open is down even if its
 * health endpoint answers, since the gateway sends it nothing.
 */
export function createShardProbe(shards: readonly Shard[] | (() => readonly Shard[]), breakerHealth: () => ShardHealth[], now: () => number = Date.now) {
  const current = typeof shards === 'function' ? shards : () => shards;
  let kept: { at: number; statuses: Promise<ShardStatus[]> } | undefined;

  const probeOne = async (shard: Shard, health: ShardHealth | undefined): Promise<ShardStatus> => {
    const started = now();
    const breaker = health?.state ?? 'closed';
    try {
      const signal = AbortSignal.timeout(Math.min(shard.timeoutMs, PROBE_TIMEOUT_MS));
      const response = await fetch(`${shard.baseUrl}/health`, { signal });
      const latencyMs = now() - started;
      const unknown = { version: null, schemas: null };
      if (!response.ok) return { clusters: shard.clusterIds, status: 'down', latencyMs, breaker, reason: `health answered HTTP ${response.status}`, ...unknown };
      const text = await boundedText(response, MAX_HEALTH_BYTES);
      const program = text === null ? unknown : programOf(parsedOrNull(text));
      if (breaker === 'open') return { clusters: shard.clusterIds, status: 'down', latencyMs, breaker, reason: `the gateway stopped asking it after failures: ${health?.lastFailure ?? 'unknown'}`, ...program };
      if (latencyMs > SLOW_PROBE_MS) return { clusters: shard.clusterIds, status: 'slow', latencyMs, breaker, reason: `answered in ${latencyMs} ms`, ...program };
      return { clusters: shard.clusterIds, status: 'up', latencyMs, breaker, reason: null, ...program };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { clusters: shard.clusterIds, status: 'down', latencyMs: null, breaker, reason: timedOut ? 'no answer in time' : 'unreachable', version: null, schemas: null };
    }
  };

  return (): Promise<ShardStatus[]> => {
    if (kept && now() - kept.at < PROBE_KEPT_MS) return kept.statuses;
    const health = breakerHealth();
    const statuses = Promise.all(current().map((shard) => probeOne(shard, health.find((entry) => entry.cluster === shard.name))));
    kept = { at: now(), statuses };
    return statuses;
  };
}
