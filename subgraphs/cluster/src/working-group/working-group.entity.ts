import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';

/** A working group formed around members' strategic objective. */
@Entity({ name: 'working_groups' })
export class WorkingGroupEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 500 })
  objective: string;

  @Column({ name: 'formed_on', type: 'varchar', length: 10 })
  formedOn: string;

  @Column({ type: 'int' })
  version: number;
}
