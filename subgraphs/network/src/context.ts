import type { DataSource } from 'typeorm';
import { ClusterDirectory } from './registry/cluster-directory';

/** What every resolver of the network subgraph receives; built afresh for each request. */
export interface NetworkContext {
  dataSource: DataSource;
  clusters: ClusterDirectory;
}

/** A new context per request, so that loader caches never outlive the request that filled them. */
export function createNetworkContext(dataSource: DataSource): NetworkContext {
  return { dataSource, clusters: new ClusterDirectory(dataSource) };
}
