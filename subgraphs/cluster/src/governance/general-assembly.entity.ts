import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { AssemblyKind } from './governance-enums';

/** A meeting of the General Assembly: it approves the operational plan and elects the board. */
@Entity({ name: 'general_assemblies' })
export class GeneralAssemblyEntity extends ClusterKeyedRow {
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
