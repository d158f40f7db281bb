import type { DataSource } from 'typeorm';
import type { Identity } from '../../../shared/auth/identity';
import { dataSourceForRequest } from '../../../shared/data-source';
import type { RequestDeadline } from '../../../shared/deadline/request-deadline';
import type { ClusterLoaders } from './loaders';

/** What every resolver of one request sees. Loaders are built per request, never shared. */
export interface ClusterContext {
  /** The request's view of the deployment's data source: every statement it runs keeps to the request's deadline. */
  dataSource: DataSource;
  /** The request's deadline, where the deployment sets one. */
  deadline?: RequestDeadline;
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
  deployment: DataSource,
  clusterIds: readonly string[],
  makeLoaders: (dataSource: DataSource) => ClusterLoaders,
  identity: Identity,
  request: { idempotencyKey?: string | undefined; deadline?: RequestDeadline | undefined } = {},
): ClusterContext {
  const dataSource = dataSourceForRequest(deployment, request.deadline);
  const newLoaders = () => makeLoaders(dataSource);
  return {
    dataSource,
    clusterIds,
    loaders: newLoaders(),
    newLoaders,
    identity,
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    ...(request.deadline === undefined ? {} : { deadline: request.deadline }),
  };
}
