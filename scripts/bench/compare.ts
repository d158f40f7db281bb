import { runLoad, type LoadResult } from './load';
import { cpuMicros } from './process-usage';
import { median } from './table';

/**
 * How the benchmark compares paths: each measured BENCH_RUNS times for BENCH_SECONDS, in rounds
 * that rotate which goes first, with the medians of what each round measured.
 */
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/**
 * Load each target takes before it is measured. A gateway serves for days, so what counts is its
 * steady state: the JIT optimises a function only once it has run often, and at one client a
 * gateway needs some 2,000 requests (15 to 20 seconds) before its CPU per request stops falling
 * (5.0 ms after 5 s, 3.0 ms after 20 s for the 9-shard page). Every target gets the same; more
 * clients send as many requests in less time (never under 3 s).
 */
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
const warmupSeconds = (connections: number) => Math.max(3, WARMUP_SECONDS / connections);

export type Target = { name: string; url: string; pid: number | undefined };

export interface Measured {
  load: LoadResult[];
  cpuPerRequest: number[];
}

export const body = (query: string) => JSON.stringify({ query });

export async function measure(target: Target, payload: string | readonly string[], connections: number, seconds: number): Promise<{ load: LoadResult; cpuPerRequest: number }> {
  const cpuBefore = target.pid ? cpuMicros(target.pid) : Number.NaN;
  const load = await runLoad(target.url, payload, connections, seconds);
  const cpu = target.pid ? cpuMicros(target.pid) - cpuBefore : Number.NaN;
  if (load.failures > 0) throw new Error(`${target.name}: ${load.failures} failed requests`);
  return { load, cpuPerRequest: cpu / load.requests };
}

/**
 * Runs each target in turn, `runs` times, so that drift on the machine touches all of them alike.
 * Each round starts with the next target, so that none is always measured first.
 */
export async function compare(targets: readonly Target[], payload: string | readonly string[], connections: number, runs = RUNS): Promise<Map<string, Measured>> {
  const results = new Map<string, Measured>(targets.map((t) => [t.name, { load: [], cpuPerRequest: [] }]));
  for (const target of targets) await runLoad(target.url, payload, connections, warmupSeconds(connections));
  for (let run = 0; run < runs; run++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const target = targets[(run + turn) % targets.length]!;
      const { load, cpuPerRequest } = await measure(target, payload, connections, SECONDS);
      results.get(target.name)!.load.push(load);
      results.get(target.name)!.cpuPerRequest.push(cpuPerRequest);
    }
  }
  return results;
}

export const summary = (m: Measured) => ({
  rps: median(m.load.map((l) => l.requestsPerSecond)),
  p50: median(m.load.map((l) => l.p50Ms)),
  p95: median(m.load.map((l) => l.p95Ms)),
  cpu: median(m.cpuPerRequest),
});

/**
 * The median, over the rounds, of `target`'s throughput over `base`'s in the same round. A round's
 * targets are measured seconds apart while the rounds span minutes, so a slow stretch of the
 * machine cancels out of a round's ratio where it would not out of a ratio of two medians.
 */
export function pairedRatio(results: Map<string, Measured>, target: string, base: string): number {
  const ours = results.get(target)!.load;
  const theirs = results.get(base)!.load;
  return median(ours.map((load, round) => load.requestsPerSecond / theirs[round]!.requestsPerSecond));
}

