import { Entity, PrimaryColumn } from 'typeorm';
import type { CompetenceKind } from '../../../../shared/competences';

/**
 * One entry of a member's competences: a competence area, a certification or a funding programme
 * (`kind`), by its code in the controlled list. One row per entry, so that a filter on any of
 * them is an indexed lookup on both backends.
 */
@Entity({ name: 'member_competences' })
export class MemberCompetenceEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: CompetenceKind;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;
}
