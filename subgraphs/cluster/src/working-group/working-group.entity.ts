import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A working group formed around members' strategic objective. */
@Entity({ name: 'working_groups' })
export class WorkingGroupEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ type: 'int' })
  id: number;

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
