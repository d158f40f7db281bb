import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'mission_aims' })
export class MissionAimEntity {
  @PrimaryColumn({ name: 'code', type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'text', type: 'varchar', length: 500 })
  text: string;
}
