import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A partner of a project: a member of any cluster. The project's cluster stores the foreign member's
 * id only; the member's fields come from its own cluster.
 */
@Entity({ name: 'project_partners' })
export class ProjectPartnerEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'project_id', type: 'int' })
  projectId: number;

  @PrimaryColumn({ name: 'member_cluster_id', type: 'varchar', length: 32 })
  memberClusterId: string;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;
}
