import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'objectives' })
export class ObjectiveEntity {
  @PrimaryColumn({ name: 'code', type: 'varchar', length: 32 })
  code: string;

  /** Priority order, 0-based. */
  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'title', type: 'varchar', length: 200 })
  title: string;
}
