import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { shardDirective } from '../../../../shared/shard-directive';
import { foldSortKey } from '../../../../shared/sort-key';
import type { ClusterContext } from '../context';
import { lockLocalIds, nextLocalId } from '../db/local-ids';
import { today } from '../db/transaction';
import { writeTransaction } from '../db/write-transaction';
import { authorizeClusterWrite } from '../access/write-access';
import { encodeGlobalId, type GlobalId } from '../../../../shared/global-id';
import { updateVersioned } from '../db/versioned-update';
import { EngagementEntity } from '../engagement/engagement.entity';
import { ProjectPartnerEntity } from './project-partner.entity';
import { ProjectStatus } from './project-status';
import { ProjectEntity } from './project.entity';
import { toProject } from './project.mapper';
import { Project } from './project.type';
import { WorkingGroupEntity } from '../working-group/working-group.entity';
import { referencedRow, targetRow } from '../db/rows';
import { checkedParticipant, currentMember } from '../member/current-member';
import { anyId, conflict, idOfCluster, intInRange, isoDate, optionalIsoDate, optionalText, rejectWhen, requiredText, servedCluster, servedId, sortableText } from '../../../../shared/mutation-input';

const MAX_BUDGET_EUR = 1_000_000_000;
const MAX_PARTNERS = 50;
const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });
/** A project moves forward only. */
const NEXT_STATUSES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  [ProjectStatus.PROPOSED]: [ProjectStatus.ACTIVE, ProjectStatus.COMPLETED],
  [ProjectStatus.ACTIVE]: [ProjectStatus.COMPLETED],
  [ProjectStatus.COMPLETED]: [],
};

@InputType('StartProjectInput')
class StartProjectInput {
  @Field(() => ID, { description: 'The cluster that runs the project.' })
  cluster: string;

  @Field()
  title: string;

  @Field(() => ID, { description: 'The leading member, of the project\u2019s cluster.' })
  leadId: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The working group it comes from, of the same cluster.' })
  workingGroupId?: string | null;

  @Field({ description: 'ISO date.' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'ISO date, not before startsOn.' })
  endsOn?: string | null;

  @Field(() => Int)
  budgetEur: number;

  @Field(() => Boolean, { nullable: true, description: 'False when omitted.' })
  underNda?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Partners from any cluster; a foreign partner is recorded here only.' })
  partnerIds?: string[] | null;
}

@InputType('UpdateProjectInput', { description: 'Only the fields given change.' })
class UpdateProjectInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'Forward only: PROPOSED → ACTIVE → COMPLETED.' })
  status?: ProjectStatus | null;

  @Field(() => String, { nullable: true })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true })
  budgetEur?: number | null;

  @Field(() => Boolean, { nullable: true })
  underNda?: boolean | null;
}

@InputType('AddProjectPartnerInput')
class AddProjectPartnerInput {
  @Field(() => ID, { description: 'The project.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID, { description: 'A member of any cluster.' })
  memberId: string;
}

@InputType('RecordEngagementInput', { description: 'What a participant commits in the preparation phase; replaces its earlier engagement.' })
class RecordEngagementInput {
  @Field(() => ID, { description: 'The project.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID, { description: 'The lead or a partner of the project.' })
  memberId: string;

  @Field(() => Int)
  personDays: number;

  @Field(() => Int, { description: 'Cash and in-kind resources valued in euro.' })
  valueEur: number;

  @Field()
  resources: string;
}

async function isParticipant(manager: EntityManager, project: ProjectEntity, key: GlobalId): Promise<boolean> {
  if (key.clusterId === project.clusterId && key.localId === project.leadMemberId) return true;
  const partner = await manager.getRepository(ProjectPartnerEntity).findOneBy({
    clusterId: project.clusterId,
    projectId: project.id,
    memberClusterId: key.clusterId,
    memberId: key.localId,
  });
  return partner !== null;
}

/** Projects: collaboration open to every cluster's members, written by the owning cluster. */
@Resolver()
export class ProjectMutations {
  @Mutation(() => Project, { nullable: true, description: 'Starts a project (PROPOSED) with its lead and partners, in one transaction.' })
  @Directive(shardDirective({ route: 'cluster', arg: 'input.cluster' }))
  async startProject(@Ctx() context: ClusterContext, @Arg('input', () => StartProjectInput) input: StartProjectInput): Promise<Project> {
    const clusterId = servedCluster(input.cluster, 'cluster', context.clusterIds);
    authorizeClusterWrite(context.identity, 'startProject', { cluster: clusterId });
    const title = sortableText(input.title, 'title', 200);
    const description = optionalText(input.description, 'description', 5000);
    const leadKey = idOfCluster(input.leadId, 'leadId', clusterId);
    const groupKey = input.workingGroupId != null ? idOfCluster(input.workingGroupId, 'workingGroupId', clusterId) : null;
    const startsOn = isoDate(input.startsOn, 'startsOn');
    const endsOn = optionalIsoDate(input.endsOn, 'endsOn');
    rejectWhen(endsOn !== null && endsOn < startsOn, 'endsOn', 'is before startsOn');
    const budgetEur = intInRange(input.budgetEur, 'budgetEur', 0, MAX_BUDGET_EUR);
    const partnerIds = input.partnerIds ?? [];
    rejectWhen(partnerIds.length > MAX_PARTNERS, 'partnerIds', `holds more than ${MAX_PARTNERS} partners`);
    const partners = partnerIds.map((id) => anyId(id, 'partnerIds'));
    const seen = new Set<string>();
    for (const partner of partners) {
      const text = `${partner.clusterId}:${partner.localId}`;
      rejectWhen(seen.has(text), 'partnerIds', `names ${text} twice`);
      rejectWhen(partner.clusterId === clusterId && partner.localId === leadKey.localId, 'partnerIds', 'names the lead, who takes part already');
      seen.add(text);
    }
    return writeTransaction(context, 'startProject', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'projects', clusterId);
      await currentMember(manager, leadKey, 'leadId');
      if (groupKey) await referencedRow(manager, WorkingGroupEntity, groupKey, 'working group', 'workingGroupId');
      for (const partner of partners) await checkedParticipant(manager, clusterId, partner, 'partnerIds');
      // The same title twice in one cluster is a form sent twice, not a second project.
      if (await manager.getRepository(ProjectEntity).findOneBy({ clusterId, titleKey: foldSortKey(title) })) conflict('title', 'is taken by another project of the cluster');
      const row: ProjectEntity = {
        clusterId,
        id,
        title,
        titleKey: foldSortKey(title),
        status: ProjectStatus.PROPOSED,
        leadMemberId: leadKey.localId,
        startedOn: startsOn,
        budgetEur,
        description,
        endsOn,
        workingGroupId: groupKey?.localId ?? null,
        underNda: input.underNda ?? false,
        version: 1,
      };
      await manager.insert(ProjectEntity, row);
      for (const partner of partners) {
        await manager.insert(ProjectPartnerEntity, { clusterId, projectId: row.id, memberClusterId: partner.clusterId, memberId: partner.localId });
      }
      const partnerGlobalIds = partners.map((partner) => encodeGlobalId(partner.clusterId, partner.localId));
      await audit({ clusterId, objectType: 'project', objectId: encodeGlobalId(clusterId, id), before: null, after: { ...row, partnerIds: partnerGlobalIds } });
      return toProject(row);
    });
  }

  @Mutation(() => Project, { nullable: true, description: 'Changes a project\u2019s details or moves its status forward.' })
  @Directive(BY_INPUT_ID)
  async updateProject(@Ctx() context: ClusterContext, @Arg('input', () => UpdateProjectInput) input: UpdateProjectInput): Promise<Project> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'updateProject', { cluster: key.clusterId });
    const changes: Partial<ProjectEntity> = {};
    if (input.title !== null && input.title !== undefined) {
      changes.title = sortableText(input.title, 'title', 200);
      changes.titleKey = foldSortKey(changes.title);
    }
    if (input.description !== undefined) changes.description = optionalText(input.description, 'description', 5000);
    if (input.endsOn !== null && input.endsOn !== undefined) changes.endsOn = isoDate(input.endsOn, 'endsOn');
    if (input.budgetEur !== null && input.budgetEur !== undefined) changes.budgetEur = intInRange(input.budgetEur, 'budgetEur', 0, MAX_BUDGET_EUR);
    if (input.underNda !== null && input.underNda !== undefined) changes.underNda = input.underNda;
    if (input.status !== null && input.status !== undefined) changes.status = input.status;
    rejectWhen(Object.keys(changes).length === 0, 'id', 'is all the input gives: name at least one field to change');
    return writeTransaction(context, 'updateProject', async (manager, audit) => {
      const project = await targetRow(manager, ProjectEntity, key, 'project');
      if (changes.status && changes.status !== project.status && project.version === input.version) {
        rejectWhen(!NEXT_STATUSES[project.status].includes(changes.status), 'status', `cannot go from ${project.status} to ${changes.status}`);
      }
      if (changes.endsOn) rejectWhen(changes.endsOn < project.startedOn, 'endsOn', `is before the project started (${project.startedOn})`);
      if (changes.titleKey && changes.titleKey !== project.titleKey) {
        // The same lock as startProject takes, so that two writers of one title see each other.
        await lockLocalIds(manager, 'projects', key.clusterId);
        const taken = await manager.getRepository(ProjectEntity).findOneBy({ clusterId: key.clusterId, titleKey: changes.titleKey });
        if (taken) conflict('title', 'is taken by another project of the cluster');
      }
      await updateVersioned(manager, ProjectEntity, 'project', key, input.version, changes);
      const after = await targetRow(manager, ProjectEntity, key, 'project');
      await audit({ clusterId: key.clusterId, objectType: 'project', objectId: encodeGlobalId(key.clusterId, key.localId), before: project, after });
      return toProject(after);
    });
  }

  @Mutation(() => Project, { nullable: true, description: 'Adds a partner from any cluster; only the project\u2019s cluster records it.' })
  @Directive(BY_INPUT_ID)
  async addProjectPartner(@Ctx() context: ClusterContext, @Arg('input', () => AddProjectPartnerInput) input: AddProjectPartnerInput): Promise<Project> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'addProjectPartner', { cluster: key.clusterId });
    const memberKey = anyId(input.memberId, 'memberId');
    return writeTransaction(context, 'addProjectPartner', async (manager, audit) => {
      const project = await targetRow(manager, ProjectEntity, key, 'project');
      if (project.version === input.version) {
        rejectWhen(project.status === ProjectStatus.COMPLETED, 'id', 'names a completed project');
        const partners = await manager.getRepository(ProjectPartnerEntity).countBy({ clusterId: key.clusterId, projectId: key.localId });
        rejectWhen(partners >= MAX_PARTNERS, 'memberId', `would be partner number ${partners + 1}; a project has at most ${MAX_PARTNERS}`);
        if (await isParticipant(manager, project, memberKey)) conflict('memberId', 'already takes part in the project');
      }
      await checkedParticipant(manager, project.clusterId, memberKey, 'memberId');
      // The version bump makes two staff adding partners at once see each other.
      await updateVersioned(manager, ProjectEntity, 'project', key, input.version, {});
      const partner = { clusterId: key.clusterId, projectId: key.localId, memberClusterId: memberKey.clusterId, memberId: memberKey.localId };
      await manager.insert(ProjectPartnerEntity, partner);
      await audit({ clusterId: key.clusterId, objectType: 'projectPartner', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${encodeGlobalId(memberKey.clusterId, memberKey.localId)}`, before: null, after: partner });
      return toProject(await targetRow(manager, ProjectEntity, key, 'project'));
    });
  }

  @Mutation(() => Project, { nullable: true, description: 'Records what a participant commits in the preparation phase; decides participation priority.' })
  @Directive(BY_INPUT_ID)
  async recordEngagement(@Ctx() context: ClusterContext, @Arg('input', () => RecordEngagementInput) input: RecordEngagementInput): Promise<Project> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'recordEngagement', { cluster: key.clusterId });
    const memberKey = anyId(input.memberId, 'memberId');
    const personDays = intInRange(input.personDays, 'personDays', 0, 100_000);
    const valueEur = intInRange(input.valueEur, 'valueEur', 0, MAX_BUDGET_EUR);
    const resources = requiredText(input.resources, 'resources', 500);
    return writeTransaction(context, 'recordEngagement', async (manager, audit) => {
      const project = await targetRow(manager, ProjectEntity, key, 'project');
      if (project.version === input.version) {
        rejectWhen(project.status !== ProjectStatus.PROPOSED, 'id', `names a project that is ${project.status.toLowerCase()}: engagements are made while it is prepared`);
        rejectWhen(!(await isParticipant(manager, project, memberKey)), 'memberId', 'is neither the lead nor a partner of the project');
      }
      await updateVersioned(manager, ProjectEntity, 'project', key, input.version, {});
      const engagement = { clusterId: key.clusterId, projectId: key.localId, memberClusterId: memberKey.clusterId, memberId: memberKey.localId };
      const before = await manager.getRepository(EngagementEntity).findOneBy(engagement);
      await manager.delete(EngagementEntity, engagement);
      const after = { ...engagement, personDays, valueEur, resources, committedOn: today() };
      await manager.insert(EngagementEntity, after);
      await audit({ clusterId: key.clusterId, objectType: 'engagement', objectId: `${encodeGlobalId(key.clusterId, key.localId)}/${encodeGlobalId(memberKey.clusterId, memberKey.localId)}`, before, after });
      return toProject(await targetRow(manager, ProjectEntity, key, 'project'));
    });
  }
}
