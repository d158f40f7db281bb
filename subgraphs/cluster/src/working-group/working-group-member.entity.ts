import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member taking part in a working group of its own cluster. */
@Entity({ name: 'working_group_members' })
export class WorkingGroupMemberEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId: string;

  @PrimaryColumn({ name: 'working_group_id', type: 'int' })
  workingGroupId: number;

  @PrimaryColumn({ name: 'member_id', type: 'int' })
  memberId: number;

  @Column({ name: 'joined_on', type: 'varchar', length: 10 })
  joinedOn: string;
}
