import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssemblyKind } from './governance-enums';

/** A meeting of the General Assembly: it approves the operational plan and elects the board. */
@Entity({ name: 'general_assemblies' })
export class GeneralAssemblyEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AssemblyKind;

  @Column({ name: 'members_present', type: 'int' })
  membersPresent: number;

  @Column({ name: 'votes_cast', type: 'int' })
  votesCast: number;

  @Column({ type: 'text', nullable: true })
  resolutions: string | null;
}
