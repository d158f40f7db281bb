import { encodeGlobalId } from '../../../../shared/global-id';
import type { ServiceRequestEntity } from './service-request.entity';
import type { ServiceEntity } from './service.entity';
import type { Service, ServiceRequest } from './service.type';

export function toService(row: ServiceEntity): Service {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    name: row.name,
    description: row.description,
    memberPriceEur: row.memberPriceEur,
    marketPriceEur: row.marketPriceEur,
    // One decimal: a percentage is read, not computed with.
    savingPercent: row.marketPriceEur === 0 ? 0 : Math.round((1000 * (row.marketPriceEur - row.memberPriceEur)) / row.marketPriceEur) / 10,
    active: Boolean(row.active),
  };
}

export function toServiceRequest(row: ServiceRequestEntity): ServiceRequest {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    requestedOn: row.requestedOn,
    status: row.status,
    note: row.note,
    version: row.version,
    serviceId: encodeGlobalId(row.clusterId, row.serviceId),
    memberId: encodeGlobalId(row.clusterId, row.memberId),
  };
}
