import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A person in the cluster's directory: only what a directory publishes (name, organisation, title). */
@Entity({ name: 'people' })
export class PersonEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey: string;

  /** The member organisation the person works for; null for the cluster's own staff. */
  @Column({ name: 'member_id', type: 'int', nullable: true })
  memberId: number | null;

  @Column({ name: 'job_title', type: 'varchar', length: 120 })
  jobTitle: string;
}
