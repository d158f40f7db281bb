import { badUserInput } from '../../../../shared/errors';
import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../../shared/page-size';

/** `first` as the contract defines it: 20 by default, 0 to 100, anything else `BAD_USER_INPUT`. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  return first;
}

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
