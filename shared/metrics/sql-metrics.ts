import { Histogram, type Registry } from 'prom-client';
import type { StatementObserver } from '../deadline/statement-guard';
import { DURATION_BUCKETS } from './metrics-registry';

/** Each SQL statement's duration, by the kind of statement and whether it failed. */
export function sqlMetrics(registry: Registry): StatementObserver {
  const duration = new Histogram({
    name: 'itro_sql_statement_duration_seconds',
    help: 'SQL statements run, by kind (select, insert, update, delete, other) and outcome (ok, error), and how long each took.',
    labelNames: ['statement', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return (statement, seconds, failed) => duration.observe({ statement, outcome: failed ? 'error' : 'ok' }, seconds);
}
