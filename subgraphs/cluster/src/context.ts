import type { DataSource } from 'typeorm';
import type { Identity } from '../../../shared/auth/identity';
import type { ClusterLoaders } from './loaders';

/** What every resolver of one request sees. Loaders are built per request, never shared. */
export interface ClusterContext {
  dataSource: DataSource;
  /** The clusters this deployment serves: one, or all of them for the one-database oracle. */
  clusterIds: readonly string[];
  loaders: ClusterLoaders;
  /** Fresh loaders for this deployment: after a write, the request starts over with them. */
  newLoaders: () => ClusterLoaders;
  /** The caller, from the token this subgraph verified itself; never from a header it trusts. */
  identity: Identity;
  /** The request's Idempotency-Key header, for the write it names (see shared/idempotency). */
  idempotencyKey?: string;
}

export function createClusterContext(
  dataSource: DataSource,
  clusterIds: readonly string[],
  newLoaders: () => ClusterLoaders,
  identity: Identity,
  idempotencyKey?: string,
): ClusterContext {
  return { dataSource, clusterIds, loaders: newLoaders(), newLoaders, identity, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
}
