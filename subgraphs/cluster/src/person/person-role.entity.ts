import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { PersonRoleKind } from './person-role';

/**
 * A role a person holds or held, with its dates. The role's scope is in the one matching column:
 * the member represented, the board sat on, the working group coordinated.
 */
@Entity({ name: 'person_roles' })
export class PersonRoleEntity extends ClusterKeyedRow {
  @Column({ name: 'person_id', type: 'int' })
  personId: number;

  @Column({ type: 'varchar', length: 32 })
  role: PersonRoleKind;

  @Column({ type: 'varchar', length: 10 })
  since: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  until: string | null;

  @Column({ name: 'member_id', type: 'int', nullable: true })
  memberId: number | null;

  @Column({ name: 'board_id', type: 'int', nullable: true })
  boardId: number | null;

  @Column({ name: 'working_group_id', type: 'int', nullable: true })
  workingGroupId: number | null;
}
