import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceRequestStatus } from './service-request-status';

@Entity({ name: 'service_requests' })
export class ServiceRequestEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ type: 'int' })
  id: number;

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
