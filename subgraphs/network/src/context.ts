import type { DataSource } from 'typeorm';
import type { Identity } from '../../../shared/auth/identity';
import { ObjectiveDirectory } from './alliance/objective-directory';
import { InitiativeDirectory } from './initiatives/initiative-directory';
import { ClusterDirectory } from './registry/cluster-directory';

/** What every resolver of the network subgraph receives; built afresh for each request. */
export interface NetworkContext {
  dataSource: DataSource;
  clusters: ClusterDirectory;
  objectives: ObjectiveDirectory;
  initiatives: InitiativeDirectory;
  /** The caller, from the token this subgraph verified itself. */
  identity: Identity;
  /** The request's Idempotency-Key header, for the write it names (see shared/idempotency). */
  idempotencyKey?: string;
}

/** A new context per request, so that loader caches never outlive the request that filled them. */
export function createNetworkContext(dataSource: DataSource, identity: Identity, idempotencyKey?: string): NetworkContext {
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    identity,
    dataSource,
    clusters: new ClusterDirectory(dataSource),
    objectives: new ObjectiveDirectory(dataSource),
    initiatives: new InitiativeDirectory(dataSource),
  };
}
