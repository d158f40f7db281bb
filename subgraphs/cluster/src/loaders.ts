import type { DataSource } from 'typeorm';
import { loaderKit, type Factories } from './db/loader-kit';
import { competenceLoaders, type CompetenceLoaders } from './competence/competence.loaders';
import { engagementLoaders, type EngagementLoaders } from './engagement/engagement.loaders';
import { eventLoaders, type EventLoaders } from './event/event.loaders';
import { governanceLoaders, type GovernanceLoaders } from './governance/governance.loaders';
import { memberLoaders, type MemberLoaders } from './member/member.loaders';
import { membershipLoaders, type MembershipLoaders } from './membership/membership.loaders';
import { personLoaders, type PersonLoaders } from './person/person.loaders';
import { projectLoaders, type ProjectLoaders } from './project/project.loaders';
import { serviceLoaders, type ServiceLoaders } from './service/service.loaders';
import { statsLoaders, type StatsLoaders } from './stats/stats.loaders';
import { workingGroupLoaders, type WorkingGroupLoaders } from './working-group/working-group.loaders';

export type { MemberProject } from './project/project.loaders';

/** Every loader a request of the cluster subgraph may use, each feature's from its own folder. */
export type ClusterLoaders = MemberLoaders &
  CompetenceLoaders &
  MembershipLoaders &
  PersonLoaders &
  GovernanceLoaders &
  WorkingGroupLoaders &
  ServiceLoaders &
  ProjectLoaders &
  EngagementLoaders &
  EventLoaders &
  StatsLoaders;

/**
 * What makes a deployment's per-request loaders, set up once per deployment. Each loader is built
 * the first time a resolver of a request asks for it: a request that reads members only should not
 * pay for the two dozen loaders of the rest of the domain.
 */
export function clusterLoaderMaker(clusterIds: readonly string[]): (dataSource: DataSource) => ClusterLoaders {
  const kit = loaderKit(clusterIds);
  return lazily<ClusterLoaders>({
    ...memberLoaders(kit),
    ...competenceLoaders(kit),
    ...membershipLoaders(kit),
    ...personLoaders(kit),
    ...governanceLoaders(kit),
    ...workingGroupLoaders(kit),
    ...serviceLoaders(kit),
    ...projectLoaders(kit),
    ...engagementLoaders(kit),
    ...eventLoaders(kit),
    ...statsLoaders(kit),
  });
}

/** Where a request's loaders object keeps the request's view of the data source its loaders read through. */
const REQUEST_DATA_SOURCE = Symbol('request data source');

/**
 * A prototype whose getters build a loader on first use, over the request's view of the data
 * source, and keep it on the request's own object, so that a request costs one `Object.create`,
 * not a property definition per loader.
 */
function lazily<T extends object>(factories: Factories<T>): (dataSource: DataSource) => T {
  const prototype = {};
  for (const name of Object.keys(factories) as Array<keyof T>) {
    Object.defineProperty(prototype, name, {
      get(this: T & { [REQUEST_DATA_SOURCE]: DataSource }) {
        const loader = factories[name](this[REQUEST_DATA_SOURCE]);
        Object.defineProperty(this, name, { value: loader, enumerable: true });
        return loader;
      },
    });
  }
  return (dataSource) => Object.create(prototype, { [REQUEST_DATA_SOURCE]: { value: dataSource } }) as T;
}
