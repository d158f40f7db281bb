import { registerEnumType } from 'type-graphql';

export enum ServiceRequestStatus {
  REQUESTED = 'REQUESTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ServiceRequestStatus, { name: 'ServiceRequestStatus' });
