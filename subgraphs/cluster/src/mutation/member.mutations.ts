import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { foldSortKey } from '../../../../shared/sort-key';
import type { ClusterContext } from '../context';
import { lockLocalIds, nextLocalId } from '../db/local-ids';
import { today } from '../db/transaction';
import { writeTransaction } from './write-transaction';
import { updateVersioned } from '../db/versioned-update';
import { MemberKind } from '../member/member-kind';
import { MemberEntity } from '../member/member.entity';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import { MembershipFeeEntity } from '../membership/membership-fee.entity';
import { MembershipStatus } from '../membership/membership-status';
import { ServiceRequestEntity } from '../service/service-request.entity';
import { ServiceRequestStatus } from '../service/service-request-status';
import { ServiceEntity } from '../service/service.entity';
import { toServiceRequest } from '../service/service.mapper';
import { ServiceRequest } from '../service/service.type';
import { WorkingGroupMemberEntity } from '../working-group/working-group-member.entity';
import { WorkingGroupEntity } from '../working-group/working-group.entity';
import { toWorkingGroup } from '../working-group/working-group.mapper';
import { WorkingGroup } from '../working-group/working-group.type';
import { currentMember, findRow, targetRow } from './rows';
import { authorizeClusterWrite } from '../access/write-access';
import { encodeGlobalId } from '../../../../shared/global-id';
import { anyId, conflict, idOfCluster, intInRange, optionalIsoDate, optionalText, rejectWhen, servedCluster, servedId, sortableText } from '../../../../shared/mutation-input';

const MAX_EMPLOYEES = 1_000_000;
const MAX_FEE_EUR = 1_000_000;
const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

function currentYear(): number {
  return new Date().getUTCFullYear();
}

@InputType('CreateMemberInput')
class CreateMemberInput {
  @Field(() => ID, { description: 'The cluster the organisation joins.' })
  cluster: string;

  @Field()
  name: string;

  @Field(() => MemberKind)
  kind: MemberKind;

  @Field(() => Int)
  employees: number;

  @Field()
  city: string;

  @Field(() => Int, { description: 'Year the organisation was founded.' })
  founded: number;

  @Field(() => String, { nullable: true, description: 'ISO date it joined; today when omitted.' })
  joinedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Votes in the General Assembly; true when omitted.' })
  votingRight?: boolean | null;
}

@InputType('UpdateMemberInput', { description: 'Only the fields given change.' })
class UpdateMemberInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version read; a different current version is a CONFLICT.' })
  version: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => MemberKind, { nullable: true })
  kind?: MemberKind | null;

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => Int, { nullable: true })
  founded?: number | null;
}

@InputType('SetMembershipStatusInput')
class SetMembershipStatusInput {
  @Field(() => ID, { description: 'The member.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => Boolean, { nullable: true, description: 'Unchanged when omitted; a member that left never votes.' })
  votingRight?: boolean | null;
}

@InputType('RecordMembershipFeeInput')
class RecordMembershipFeeInput {
  @Field(() => ID, { description: 'The member that paid.' })
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  amountEur: number;

  @Field(() => String, { nullable: true, description: 'ISO date of the payment; today when omitted.' })
  paidOn?: string | null;
}

@InputType('JoinWorkingGroupInput')
class JoinWorkingGroupInput {
  @Field(() => ID, { description: 'The working group.' })
  id: string;

  @Field(() => ID, { description: 'A member of the group\u2019s cluster.' })
  memberId: string;
}

@InputType('RequestServiceInput')
class RequestServiceInput {
  @Field(() => ID, { description: 'The service.' })
  id: string;

  @Field(() => ID, { description: 'A member of the service\u2019s cluster.' })
  memberId: string;

  @Field(() => String, { nullable: true, description: 'What the member needs.' })
  note?: string | null;
}

function checkedName(value: string): string {
  return sortableText(value, 'name', 200);
}

function checkedFounded(value: number): number {
  return intInRange(value, 'founded', 1800, currentYear());
}

async function rejectDuplicateName(manager: import('typeorm').EntityManager, clusterId: string, name: string, except?: number): Promise<void> {
  const query = manager.getRepository(MemberEntity).createQueryBuilder('m').where('m.cluster_id = :clusterId AND m.name_key = :key', { clusterId, key: foldSortKey(name) });
  if (except !== undefined) query.andWhere('m.id <> :except', { except });
  if ((await query.getCount()) > 0) conflict('name', `is taken: cluster "${clusterId}" already has a member named ${JSON.stringify(name)}`);
}

/** What a cluster's staff do every day about members: each write in one transaction, on the owning shard. */
@Resolver()
export class MemberMutations {
  @Mutation(() => Member, { nullable: true, description: 'Registers an organisation as a member of a cluster.' })
  @Directive(shardDirective({ route: 'cluster', arg: 'input.cluster' }))
  async createMember(@Ctx() context: ClusterContext, @Arg('input', () => CreateMemberInput) input: CreateMemberInput): Promise<Member> {
    const clusterId = servedCluster(input.cluster, 'cluster', context.clusterIds);
    authorizeClusterWrite(context.identity, 'createMember', { cluster: clusterId });
    const name = checkedName(input.name);
    const employees = intInRange(input.employees, 'employees', 0, MAX_EMPLOYEES);
    const city = sortableText(input.city, 'city', 100);
    const founded = checkedFounded(input.founded);
    const joinedOn = optionalIsoDate(input.joinedOn, 'joinedOn') ?? today();
    rejectWhen(Number(joinedOn.slice(0, 4)) < founded, 'joinedOn', `is before the organisation was founded (${founded})`);
    return writeTransaction(context, 'createMember', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'members', clusterId);
      await rejectDuplicateName(manager, clusterId, name);
      const row: MemberEntity = {
        clusterId,
        id,
        name,
        nameKey: foldSortKey(name),
        kind: input.kind,
        employees,
        city,
        cityKey: foldSortKey(city),
        founded,
        joinedOn,
        membershipStatus: MembershipStatus.ACTIVE,
        statusSince: joinedOn,
        votingRight: input.votingRight ?? true,
        version: 1,
      };
      await manager.insert(MemberEntity, row);
      await audit({ clusterId, objectType: 'member', objectId: encodeGlobalId(clusterId, id), before: null, after: row });
      return toMember(row);
    });
  }

  @Mutation(() => Member, { nullable: true, description: 'Changes a member\u2019s details; `version` must be the one read.' })
  @Directive(BY_INPUT_ID)
  async updateMember(@Ctx() context: ClusterContext, @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput): Promise<Member> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'updateMember', { cluster: key.clusterId });
    const changes: Partial<MemberEntity> = {};
    if (input.name !== null && input.name !== undefined) {
      changes.name = checkedName(input.name);
      changes.nameKey = foldSortKey(changes.name);
    }
    if (input.kind !== null && input.kind !== undefined) changes.kind = input.kind;
    if (input.employees !== null && input.employees !== undefined) changes.employees = intInRange(input.employees, 'employees', 0, MAX_EMPLOYEES);
    if (input.city !== null && input.city !== undefined) {
      changes.city = sortableText(input.city, 'city', 100);
      changes.cityKey = foldSortKey(changes.city);
    }
    if (input.founded !== null && input.founded !== undefined) changes.founded = checkedFounded(input.founded);
    rejectWhen(Object.keys(changes).length === 0, 'id', 'is all the input gives: name at least one field to change');
    return writeTransaction(context, 'updateMember', async (manager, audit) => {
      if (changes.name) {
        // The same lock as createMember takes, so that two writers of one name see each other.
        await lockLocalIds(manager, 'members', key.clusterId);
        await rejectDuplicateName(manager, key.clusterId, changes.name, key.localId);
      }
      const before = await findRow(manager, MemberEntity, key);
      await updateVersioned(manager, MemberEntity, 'member', key, input.version, changes);
      const after = await targetRow(manager, MemberEntity, key, 'member');
      await audit({ clusterId: key.clusterId, objectType: 'member', objectId: encodeGlobalId(key.clusterId, key.localId), before, after });
      return toMember(after);
    });
  }

  @Mutation(() => Member, { nullable: true, description: 'Suspends, reinstates or records the departure of a member.' })
  @Directive(BY_INPUT_ID)
  async setMembershipStatus(@Ctx() context: ClusterContext, @Arg('input', () => SetMembershipStatusInput) input: SetMembershipStatusInput): Promise<Member> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'setMembershipStatus', { cluster: key.clusterId });
    rejectWhen(input.status === MembershipStatus.LEFT && input.votingRight === true, 'votingRight', 'cannot be true for a member that left');
    return writeTransaction(context, 'setMembershipStatus', async (manager, audit) => {
      const member = await targetRow(manager, MemberEntity, key, 'member');
      if (member.version === input.version && member.membershipStatus === input.status && (input.votingRight ?? Boolean(member.votingRight)) === Boolean(member.votingRight)) {
        conflict('status', `is already ${input.status}`);
      }
      const votingRight = input.status === MembershipStatus.LEFT ? false : (input.votingRight ?? Boolean(member.votingRight));
      const changes: Partial<MemberEntity> = { membershipStatus: input.status, votingRight };
      if (member.membershipStatus !== input.status) changes.statusSince = today();
      await updateVersioned(manager, MemberEntity, 'member', key, input.version, changes);
      const after = await targetRow(manager, MemberEntity, key, 'member');
      await audit({ clusterId: key.clusterId, objectType: 'member', objectId: encodeGlobalId(key.clusterId, key.localId), before: member, after });
      return toMember(after);
    });
  }

  @Mutation(() => Member, { nullable: true, description: 'Records a member\u2019s annual fee; a year is paid once.' })
  @Directive(BY_INPUT_ID)
  async recordMembershipFee(@Ctx() context: ClusterContext, @Arg('input', () => RecordMembershipFeeInput) input: RecordMembershipFeeInput): Promise<Member> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'recordMembershipFee', { cluster: key.clusterId });
    const year = intInRange(input.year, 'year', 2000, currentYear() + 1);
    const amountEur = intInRange(input.amountEur, 'amountEur', 1, MAX_FEE_EUR);
    const paidOn = optionalIsoDate(input.paidOn, 'paidOn') ?? today();
    return writeTransaction(context, 'recordMembershipFee', async (manager, audit) => {
      const member = await targetRow(manager, MemberEntity, key, 'member');
      rejectWhen(member.membershipStatus === MembershipStatus.LEFT, 'id', 'names a member that has left the cluster');
      const existing = await manager.getRepository(MembershipFeeEntity).findOneBy({ clusterId: key.clusterId, memberId: key.localId, year });
      if (existing) conflict('year', `${year}: the fee is already recorded (paid on ${existing.paidOn})`);
      const fee = { clusterId: key.clusterId, memberId: key.localId, year, amountEur, paidOn };
      await manager.insert(MembershipFeeEntity, fee);
      await audit({ clusterId: key.clusterId, objectType: 'membershipFee', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${year}`, before: null, after: fee });
      return toMember(member);
    });
  }

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

  @Mutation(() => ServiceRequest, { nullable: true, description: 'A member asks for one of its cluster\u2019s services.' })
  @Directive(BY_INPUT_ID)
  async requestService(@Ctx() context: ClusterContext, @Arg('input', () => RequestServiceInput) input: RequestServiceInput): Promise<ServiceRequest> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'requestService', { cluster: key.clusterId, actingFor: anyId(input.memberId, 'memberId') });
    const memberKey = idOfCluster(input.memberId, 'memberId', key.clusterId);
    const note = optionalText(input.note, 'note', 500) ?? '';
    return writeTransaction(context, 'requestService', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'service_requests', key.clusterId);
      const service = await targetRow(manager, ServiceEntity, key, 'service');
      rejectWhen(!service.active, 'id', `names a service that is no longer offered: "${service.name}"`);
      const member = await currentMember(manager, memberKey, 'memberId');
      rejectWhen(member.membershipStatus !== MembershipStatus.ACTIVE, 'memberId', 'names a suspended member');
      const open = await manager
        .getRepository(ServiceRequestEntity)
        .createQueryBuilder('r')
        .where('r.cluster_id = :clusterId AND r.service_id = :serviceId AND r.member_id = :memberId', { clusterId: key.clusterId, serviceId: key.localId, memberId: memberKey.localId })
        .andWhere('r.status IN (:...open)', { open: [ServiceRequestStatus.REQUESTED, ServiceRequestStatus.IN_PROGRESS] })
        .getOne();
      if (open) conflict('memberId', `already has an open request for this service (since ${open.requestedOn})`);
      const row: ServiceRequestEntity = {
        clusterId: key.clusterId,
        id,
        serviceId: key.localId,
        memberId: memberKey.localId,
        requestedOn: today(),
        status: ServiceRequestStatus.REQUESTED,
        note,
        version: 1,
      };
      await manager.insert(ServiceRequestEntity, row);
      await audit({ clusterId: key.clusterId, objectType: 'serviceRequest', objectId: encodeGlobalId(key.clusterId, id), before: null, after: row });
      return toServiceRequest(row);
    });
  }
}
