import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DeadlineAwareDataSource } from '../data-source';
import { createMetricsRegistry } from './metrics-registry';
import { sqlMetrics } from './sql-metrics';

/**
 * A subgraph deployment's metrics: its HTTP requests (recorded by its app) and every SQL statement
 * its data source runs. Undefined when metrics are off.
 */
export function subgraphMetrics(component: string, dataSource: DataSource, enabled: boolean): Registry | undefined {
  if (!enabled) return undefined;
  const registry = createMetricsRegistry(component);
  if (dataSource instanceof DeadlineAwareDataSource) dataSource.statementObserver = sqlMetrics(registry);
  return registry;
}
