import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { ServiceRequestEntity } from './service-request.entity';
import { ServiceEntity } from './service.entity';

/** The cluster’s services and members’ requests for them. */
export interface ServiceLoaders {
  serviceById: DataLoader<string, ServiceEntity | null>;
  servicesOfCluster: DataLoader<string, ServiceEntity[]>;
  serviceRequestById: DataLoader<string, ServiceRequestEntity | null>;
  requestsOfService: DataLoader<string, ServiceRequestEntity[]>;
  requestsOfMember: DataLoader<string, ServiceRequestEntity[]>;
}

export function serviceLoaders(kit: LoaderKit): Factories<ServiceLoaders> {
  return {
    serviceById: kit.byId(ServiceEntity),
    servicesOfCluster: kit.byCluster(ServiceEntity, ['r.id']),
    serviceRequestById: kit.byId(ServiceRequestEntity),
    requestsOfService: kit.byParent(ServiceRequestEntity, 'service_id', 'serviceId', ['r.requested_on', 'r.id']),
    requestsOfMember: kit.byParent(ServiceRequestEntity, 'member_id', 'memberId', ['r.requested_on', 'r.id']),
  };
}
