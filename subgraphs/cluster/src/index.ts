import 'reflect-metadata';

export { createClusterSubgraph, type ClusterSubgraph, type ClusterSubgraphOptions } from './create-cluster-subgraph';
export { CLUSTER_ENTITIES, CLUSTER_MIGRATIONS, openClusterDatabase } from './db/cluster-data-source';
export { generateClusterData, type ClusterData } from './seed/generate-cluster-data';
export { writeClusterData } from './seed/write-cluster-data';
