import type { DataSource } from 'typeorm';
import { createClusterLoaders, type ClusterLoaders } from './loaders';

/** What every resolver of one request sees. Loaders are built per request, never shared. */
export interface ClusterContext {
  dataSource: DataSource;
  /** The clusters this deployment serves: one, or all of them for the one-database oracle. */
  clusterIds: readonly string[];
  loaders: ClusterLoaders;
}

export function createClusterContext(dataSource: DataSource, clusterIds: readonly string[]): ClusterContext {
  return { dataSource, clusterIds, loaders: createClusterLoaders(dataSource, clusterIds) };
}
