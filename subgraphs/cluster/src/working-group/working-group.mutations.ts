import { Arg, Ctx, Directive, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { anyId, conflict, idOfCluster, servedId } from '../../../../shared/mutation-input';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeClusterWrite } from '../access/write-access';
import type { ClusterContext } from '../context';
import { targetRow } from '../db/rows';
import { currentMember } from '../member/current-member';
import { today } from '../db/transaction';
import { writeTransaction } from '../db/write-transaction';
import { WorkingGroupMemberEntity } from './working-group-member.entity';
import { WorkingGroupEntity } from './working-group.entity';
import { toWorkingGroup } from './working-group.mapper';
import { WorkingGroup } from './working-group.type';

const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

@InputType('JoinWorkingGroupInput')
class JoinWorkingGroupInput {
  @Field(() => ID, { description: 'The working group.' })
  id: string;

  @Field(() => ID, { description: 'A member of the group\u2019s cluster.' })
  memberId: string;
}

/** Who takes part in a working group: each write on the group's shard. */
@Resolver()
export class WorkingGroupMutations {
  @Mutation(() => WorkingGroup, { nullable: true, description: 'Adds a member of the group\u2019s cluster to a working group.' })
  @Directive(BY_INPUT_ID)
  async joinWorkingGroup(@Ctx() context: ClusterContext, @Arg('input', () => JoinWorkingGroupInput) input: JoinWorkingGroupInput): Promise<WorkingGroup> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'joinWorkingGroup', { cluster: key.clusterId, actingFor: anyId(input.memberId, 'memberId') });
    const memberKey = idOfCluster(input.memberId, 'memberId', key.clusterId);
    return writeTransaction(context, 'joinWorkingGroup', async (manager, audit) => {
      const group = await targetRow(manager, WorkingGroupEntity, key, 'working group');
      await currentMember(manager, memberKey, 'memberId');
      const already = await manager.getRepository(WorkingGroupMemberEntity).findOneBy({ clusterId: key.clusterId, workingGroupId: key.localId, memberId: memberKey.localId });
      if (already) conflict('memberId', `already takes part (since ${already.joinedOn})`);
      const participant = { clusterId: key.clusterId, workingGroupId: key.localId, memberId: memberKey.localId, joinedOn: today() };
      await manager.insert(WorkingGroupMemberEntity, participant);
      await audit({ clusterId: key.clusterId, objectType: 'workingGroupMember', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${encodeGlobalId(memberKey.clusterId, memberKey.localId)}`, before: null, after: participant });
      return toWorkingGroup(group);
    });
  }
}
