import 'reflect-metadata';

export { createClusterSubgraph, type ClusterSubgraph, type ClusterSubgraphOptions } from './create-cluster-subgraph';
export { CLUSTER_ENTITIES, CLUSTER_MIGRATIONS, openClusterDatabase } from './db/cluster-data-source';
