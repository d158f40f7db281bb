import type { DataSource } from 'typeorm';
import type { Identity } from '../../../shared/auth/identity';
import { dataSourceForRequest } from '../../../shared/data-source';
import type { RequestDeadline } from '../../../shared/deadline/request-deadline';
import { ObjectiveDirectory } from './alliance/objective-directory';
import type { CandidateSource } from './consortium/candidates';
import { InitiativeDirectory } from './initiatives/initiative-directory';
import { ClusterDirectory } from './registry/cluster-directory';

/** What every resolver of the network subgraph receives; built afresh for each request. */
export interface NetworkContext {
  /** The request's view of the network's data source: every statement it runs keeps to the request's deadline. */
  dataSource: DataSource;
  /** The request's deadline, where the subgraph sets one. */
  deadline?: RequestDeadline;
  clusters: ClusterDirectory;
  objectives: ObjectiveDirectory;
  initiatives: InitiativeDirectory;
  /** The caller, from the token this subgraph verified itself. */
  identity: Identity;
  /** The request's Idempotency-Key header, for the write it names (see shared/idempotency). */
  idempotencyKey?: string;
  /** The caller's `Authorization` as sent, for the partner searches a consortium asks on their behalf. */
  authorization?: string;
  /** Where consortia find their candidates: the network's partner search. */
  candidates: CandidateSource;
}

/** What a request brings besides the caller. */
export interface NetworkRequest {
  idempotencyKey?: string;
  authorization?: string;
  /** The request's deadline: its view of the data source hands it to every statement it runs. */
  deadline?: RequestDeadline;
}

/** A new context per request, so that loader caches never outlive the request that filled them. */
export function createNetworkContext(deployment: DataSource, identity: Identity, candidates: CandidateSource, request: NetworkRequest = {}): NetworkContext {
  const { idempotencyKey, authorization, deadline } = request;
  const dataSource = dataSourceForRequest(deployment, deadline);
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(authorization === undefined ? {} : { authorization }),
    ...(deadline === undefined ? {} : { deadline }),
    candidates,
    identity,
    dataSource,
    clusters: new ClusterDirectory(dataSource),
    objectives: new ObjectiveDirectory(dataSource),
    initiatives: new InitiativeDirectory(dataSource),
  };
}
