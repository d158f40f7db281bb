import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { foldSortKey } from '../../../../shared/sort-key';
import type { ClusterContext } from '../context';
import { nextLocalId } from '../db/local-ids';
import { today } from '../db/transaction';
import { writeTransaction } from '../db/write-transaction';
import { authorizeClusterWrite } from '../access/write-access';
import { encodeGlobalId } from '../../../../shared/global-id';
import { updateVersioned } from '../db/versioned-update';
import { BoardMeetingEntity } from './board-meeting.entity';
import { InitiativeDecision, InitiativeStatus } from './governance-enums';
import { toInitiative, toMeeting } from './governance.mapper';
import { BoardMeeting, Initiative } from './governance.type';
import { InitiativeEntity } from './initiative.entity';
import { PersonEntity } from '../person/person.entity';
import { WorkingGroupEntity } from '../working-group/working-group.entity';
import { findRow, referencedRow, targetRow } from '../db/rows';
import { currentMember } from '../member/current-member';
import { conflict, idOfCluster, optionalText, rejectWhen, requiredText, servedCluster, servedId, sortableText } from '../../../../shared/mutation-input';

const MAX_MINUTES_LENGTH = 20_000;
const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

@InputType('ProposeInitiativeInput', { description: 'Brought by a member, by staff, or by a member through one of its people.' })
class ProposeInitiativeInput {
  @Field(() => ID)
  cluster: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member that brings it; omit for an initiative of the staff.' })
  proposedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person who presents it to the board.' })
  presentedById?: string | null;

  @Field(() => ID, { nullable: true })
  workingGroupId?: string | null;
}

@InputType('DecideInitiativeInput')
class DecideInitiativeInput {
  @Field(() => ID, { description: 'The initiative.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => InitiativeDecision)
  decision: InitiativeDecision;

  @Field(() => ID, { description: 'The board meeting that decided it.' })
  meetingId: string;
}

@InputType('RecordMeetingMinutesInput')
class RecordMeetingMinutesInput {
  @Field(() => ID, { description: 'The board meeting.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: `The minutes, at most ${MAX_MINUTES_LENGTH} characters; replaces earlier ones.` })
  minutes: string;
}

/** The board's business: initiatives brought to it, its decisions, its minutes. */
@Resolver()
export class GovernanceMutations {
  @Mutation(() => Initiative, { nullable: true, description: 'Brings an initiative to the board.' })
  @Directive(shardDirective({ route: 'cluster', arg: 'input.cluster' }))
  async proposeInitiative(@Ctx() context: ClusterContext, @Arg('input', () => ProposeInitiativeInput) input: ProposeInitiativeInput): Promise<Initiative> {
    const clusterId = servedCluster(input.cluster, 'cluster', context.clusterIds);
    authorizeClusterWrite(context.identity, 'proposeInitiative', { cluster: clusterId });
    const title = sortableText(input.title, 'title', 200);
    const description = optionalText(input.description, 'description', 5000);
    // `!= null`: an empty string is a malformed id, not an absent one.
    const memberKey = input.proposedById != null ? idOfCluster(input.proposedById, 'proposedById', clusterId) : null;
    const personKey = input.presentedById != null ? idOfCluster(input.presentedById, 'presentedById', clusterId) : null;
    const groupKey = input.workingGroupId != null ? idOfCluster(input.workingGroupId, 'workingGroupId', clusterId) : null;
    rejectWhen(!memberKey && !personKey, 'presentedById', 'is required when no member proposes the initiative (staff present their own)');
    return writeTransaction(context, 'proposeInitiative', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'initiatives', clusterId);
      if (memberKey) await currentMember(manager, memberKey, 'proposedById');
      if (personKey) {
        const person = await referencedRow(manager, PersonEntity, personKey, 'person', 'presentedById');
        rejectWhen(memberKey !== null && person.memberId !== null && person.memberId !== memberKey.localId, 'presentedById', 'works for another member than the one proposing');
        rejectWhen(memberKey === null && person.memberId !== null, 'presentedById', 'works for a member: name that member in proposedById, or a person of the staff');
      }
      if (groupKey) await referencedRow(manager, WorkingGroupEntity, groupKey, 'working group', 'workingGroupId');
      const pending = await manager.getRepository(InitiativeEntity).findOneBy({ clusterId, titleKey: foldSortKey(title), status: InitiativeStatus.PROPOSED });
      if (pending) conflict('title', `is already before the board (proposed on ${pending.proposedOn})`);
      const row: InitiativeEntity = {
        clusterId,
        id,
        title,
        titleKey: foldSortKey(title),
        description,
        proposedByMemberId: memberKey?.localId ?? null,
        proposedByPersonId: personKey?.localId ?? null,
        proposedOn: today(),
        status: InitiativeStatus.PROPOSED,
        decidedAtMeetingId: null,
        workingGroupId: groupKey?.localId ?? null,
        version: 1,
      };
      await manager.insert(InitiativeEntity, row);
      await audit({ clusterId, objectType: 'initiative', objectId: encodeGlobalId(clusterId, id), before: null, after: row });
      return toInitiative(row);
    });
  }

  @Mutation(() => Initiative, { nullable: true, description: 'Records the board\u2019s decision on a proposed initiative.' })
  @Directive(BY_INPUT_ID)
  async decideInitiative(@Ctx() context: ClusterContext, @Arg('input', () => DecideInitiativeInput) input: DecideInitiativeInput): Promise<Initiative> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'decideInitiative', { cluster: key.clusterId });
    const meetingKey = idOfCluster(input.meetingId, 'meetingId', key.clusterId);
    return writeTransaction(context, 'decideInitiative', async (manager, audit) => {
      const initiative = await targetRow(manager, InitiativeEntity, key, 'initiative');
      const meeting = await referencedRow(manager, BoardMeetingEntity, meetingKey, 'board meeting', 'meetingId');
      if (initiative.version === input.version && initiative.status !== InitiativeStatus.PROPOSED) {
        conflict('id', `names an initiative that is already ${initiative.status.toLowerCase()}`);
      }
      rejectWhen(meeting.heldOn < initiative.proposedOn, 'meetingId', `names a meeting of ${meeting.heldOn}, before the initiative was proposed (${initiative.proposedOn})`);
      const status = input.decision === InitiativeDecision.APPROVED ? InitiativeStatus.APPROVED : InitiativeStatus.REJECTED;
      await updateVersioned(manager, InitiativeEntity, 'initiative', key, input.version, { status, decidedAtMeetingId: meetingKey.localId });
      const after = await targetRow(manager, InitiativeEntity, key, 'initiative');
      await audit({ clusterId: key.clusterId, objectType: 'initiative', objectId: encodeGlobalId(key.clusterId, key.localId), before: initiative, after });
      return toInitiative(after);
    });
  }

  @Mutation(() => BoardMeeting, { nullable: true, description: 'Records (or corrects) the minutes of a board meeting.' })
  @Directive(BY_INPUT_ID)
  async recordMeetingMinutes(@Ctx() context: ClusterContext, @Arg('input', () => RecordMeetingMinutesInput) input: RecordMeetingMinutesInput): Promise<BoardMeeting> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'recordMeetingMinutes', { cluster: key.clusterId });
    const minutes = requiredText(input.minutes, 'minutes', MAX_MINUTES_LENGTH);
    return writeTransaction(context, 'recordMeetingMinutes', async (manager, audit) => {
      const before = await findRow(manager, BoardMeetingEntity, key);
      await updateVersioned(manager, BoardMeetingEntity, 'board meeting', key, input.version, { minutes, minutesRecordedOn: today() });
      const after = await targetRow(manager, BoardMeetingEntity, key, 'board meeting');
      await audit({ clusterId: key.clusterId, objectType: 'boardMeeting', objectId: encodeGlobalId(key.clusterId, key.localId), before, after });
      return toMeeting(after);
    });
  }
}
