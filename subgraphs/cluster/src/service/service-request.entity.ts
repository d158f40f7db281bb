import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { ServiceRequestStatus } from './service-request-status';

@Entity({ name: 'service_requests' })
export class ServiceRequestEntity extends ClusterKeyedRow {
  @Column({ name: 'service_id', type: 'int' })
  serviceId: number;

  @Column({ name: 'member_id', type: 'int' })
  memberId: number;

  @Column({ name: 'requested_on', type: 'varchar', length: 10 })
  requestedOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: ServiceRequestStatus;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ type: 'int' })
  version: number;
}
