import { FOUNDING_CLUSTERS, NETWORK_FACTS } from '../shared/network-catalog';
import { generateClusterData, type ClusterData } from './cluster/generate-cluster-data';

export { generateClusterData, type ClusterData };
export { writeClusterData } from './cluster/write-cluster-data';

/** The data set of the founding network, generated once per process and only when some database needs it. */
let generated: { seed: number; data: ClusterData } | undefined;
export function networkData(seed: number): ClusterData {
  if (generated?.seed !== seed) generated = { seed, data: generateClusterData(seed, FOUNDING_CLUSTERS, NETWORK_FACTS.employees) };
  return generated.data;
}
