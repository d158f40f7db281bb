import type { Registry } from 'prom-client';
import type { StatementObserver } from '../deadline/statement-guard';
import { DURATION_BUCKETS } from './metrics-registry';
import { SeriesHistogram } from './series-histogram';

/** Each SQL statement's duration, by the kind of statement and whether it failed. */
export function sqlMetrics(registry: Registry): StatementObserver {
  const duration = new SeriesHistogram(
    'itro_sql_statement_duration_seconds',
    'SQL statements run, by kind (select, insert, update, delete, other) and outcome (ok, error), and how long each took.',
    ['statement', 'outcome'] as const,
    DURATION_BUCKETS,
    registry,
  );
  return (statement, seconds, failed) => duration.observe({ statement, outcome: failed ? 'error' : 'ok' }, seconds);
}
