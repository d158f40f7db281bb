import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { conflict, intInRange, optionalIsoDate, rejectWhen, servedCluster, servedId, sortableText } from '../../../../shared/mutation-input';
import { shardDirective } from '../../../../shared/shard-directive';
import { regionOfCity } from '../../../../shared/romania-regions';
import { foldSortKey } from '../../../../shared/sort-key';
import { authorizeClusterWrite } from '../access/write-access';
import type { ClusterContext } from '../context';
import { lockLocalIds, nextLocalId } from '../db/local-ids';
import { findRow, targetRow } from '../db/rows';
import { today } from '../db/transaction';
import { updateVersioned } from '../db/versioned-update';
import { writeTransaction } from '../db/write-transaction';
import { MembershipStatus } from '../membership/membership-status';
import { MemberKind } from './member-kind';
import { MemberEntity } from './member.entity';
import { toMember } from './member.mapper';
import { Member } from './member.type';

const MAX_EMPLOYEES = 1_000_000;

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
        region: regionOfCity(city),
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
  @Directive(shardDirective({ route: 'id', arg: 'input.id' }))
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
      changes.region = regionOfCity(changes.city);
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
}
