import { badUserInput } from '../../../../shared/errors';
import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';

/**
 * The clusters of this deployment that a `clusters:` argument selects. A shard cannot know the
 * whole registry (the gateway rejects unknown clusters); here only the form is checked.
 */
export function selectClusters(served: readonly string[], requested: readonly string[] | null | undefined): string[] {
  if (requested === null || requested === undefined) return [...served];
  for (const id of requested) {
    if (!CLUSTER_ID_PATTERN.test(id)) throw badUserInput(`Unknown cluster ${JSON.stringify(id)}`, { argument: 'clusters' });
  }
  return served.filter((id) => requested.includes(id));
}
