import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';
import type { NetworkContext } from '../context';
import type { ClusterEntity } from './cluster.entity';

/**
 * `__resolveReference` for Cluster. Representations come from the query planner, not from users, so
 * an id that is not a cluster id resolves to null rather than failing the whole `_entities` batch.
 */
export function resolveClusterReference(reference: { id: string }, context: NetworkContext): Promise<ClusterEntity | null> {
  if (typeof reference.id !== 'string' || !CLUSTER_ID_PATTERN.test(reference.id)) return Promise.resolve(null);
  return context.clusters.load(reference.id);
}
