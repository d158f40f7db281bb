import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { WorkingGroupMemberEntity } from './working-group-member.entity';
import { WorkingGroupEntity } from './working-group.entity';

/** Working groups and who takes part in them. */
export interface WorkingGroupLoaders {
  workingGroupById: DataLoader<string, WorkingGroupEntity | null>;
  workingGroupsOfCluster: DataLoader<string, WorkingGroupEntity[]>;
  participantsOfWorkingGroup: DataLoader<string, WorkingGroupMemberEntity[]>;
  workingGroupsOfMember: DataLoader<string, WorkingGroupMemberEntity[]>;
}

export function workingGroupLoaders(kit: LoaderKit): Factories<WorkingGroupLoaders> {
  return {
    workingGroupById: kit.byId(WorkingGroupEntity),
    workingGroupsOfCluster: kit.byCluster(WorkingGroupEntity, ['r.name_key', 'r.id']),
    participantsOfWorkingGroup: kit.byParent(WorkingGroupMemberEntity, 'working_group_id', 'workingGroupId', ['r.member_id']),
    workingGroupsOfMember: kit.byParent(WorkingGroupMemberEntity, 'member_id', 'memberId', ['r.working_group_id']),
  };
}
