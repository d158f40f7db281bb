import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The metrics one server exposes at `/metrics`: a registry of its own, so that several servers in
 * one process (development, tests) each show only their own, with the process's CPU, memory and
 * event-loop figures beside them. Names start with `itro_`.
 */
export function createMetricsRegistry(component: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({ register: registry, prefix: 'itro_' });
  return registry;
}

/** Bucket bounds in seconds, from a cached lookup (1 ms) to a timed-out fan-out (10 s). */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
