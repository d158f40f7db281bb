import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../../../shared/errors';
import type { GlobalId } from '../../../../shared/global-id';
import { field } from '../../../../shared/mutation-input';
import { idText, referencedRow } from '../db/rows';
import { MembershipStatus } from '../membership/membership-status';
import { MemberEntity } from './member.entity';

/** A member of this cluster that still belongs to it. */
export async function currentMember(manager: EntityManager, key: GlobalId, name: string): Promise<MemberEntity> {
  const member = await referencedRow(manager, MemberEntity, key, 'member', name);
  if (member.membershipStatus === MembershipStatus.LEFT) {
    throw badUserInput(`${field(name)}: member "${idText(key)}" has left the cluster`, { field: field(name) });
  }
  return member;
}

/**
 * A participant: a member of the project's own cluster must exist and belong; a member of another
 * cluster is checked for form only, because its rows live in its own cluster's database, which
 * this write never touches.
 */
export async function checkedParticipant(manager: EntityManager, clusterId: string, key: GlobalId, name: string): Promise<void> {
  if (key.clusterId === clusterId) await currentMember(manager, key, name);
}
