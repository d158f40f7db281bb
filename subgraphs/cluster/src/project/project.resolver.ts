import { Arg, Args, ArgsType, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { graphQLError } from '../../../../shared/errors';
import { isProjectVisible, restrictProjectsToVisible } from '../access/project-visibility';
import type { Connection } from '../../../../shared/paging/connection';
import { listConnection } from '../paging/listing';
import { networkPageArgs } from '../paging/page-args-type';
import { selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/connection-merge';
import { MemberStub } from './member-stub.type';
import { rankEngagements } from '../engagement/engagement-ranking';
import { ResourceEngagement } from '../engagement/engagement.type';
import { ProjectConnection } from './project.connection';
import { ProjectFilter, ProjectOrder } from './project.inputs';
import { toProject } from './project.mapper';
import { PROJECTS } from './project.store';
import { Project } from './project.type';

@ArgsType()
class ProjectPageArgs extends networkPageArgs(ProjectFilter, ProjectOrder) {}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: 'Projects of every cluster, or of those named, in one keyset order.' })
  @Directive(CONNECTION_MERGE)
  projects(@Ctx() context: ClusterContext, @Args() args: ProjectPageArgs): Promise<Connection<Project>> {
    const visible: typeof PROJECTS = { ...PROJECTS, restrictToVisible: (query) => restrictProjectsToVisible(query, context.identity) };
    return listConnection(context.dataSource, visible, selectClusters(context.clusterIds, args.clusters), args, toProject);
  }

  @Query(() => Project, { nullable: true, description: 'NOT_FOUND when no project has this id, or when it is under NDA and the caller takes no part in it.' })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  async project(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Project | null> {
    decodeGlobalId(id);
    const project = await resolveProjectReference({ id }, context);
    if (!project) throw graphQLError('NOT_FOUND', `No project with id "${id}"`, { argument: 'id' });
    return project;
  }

  // A partner's fields come from its own cluster: while that cluster is down the partner is null,
  // and the project and the page around it stay.
  @FieldResolver(() => [MemberStub], { nullable: 'items', description: 'Partners from any cluster, ordered by id.' })
  @Directive(shardDirective({ refs: 'any' }))
  async partners(@Root() project: Project, @Ctx() context: ClusterContext): Promise<MemberStub[]> {
    const partners = await context.loaders.partnersOfProject.load(project.id);
    return partners.map((partner) => ({ id: encodeGlobalId(partner.memberClusterId, partner.memberId) }));
  }

  @FieldResolver(() => [ResourceEngagement], { description: 'Resource engagements in participation priority order.' })
  async engagements(@Root() project: Project, @Ctx() context: ClusterContext): Promise<ResourceEngagement[]> {
    return rankEngagements(await context.loaders.engagementsOfProject.load(project.id));
  }
}

/** The project, or null when there is none or the caller may not see it (see project-visibility). */
export async function resolveProjectReference(reference: { id: string }, context: ClusterContext): Promise<Project | null> {
  const row = await context.loaders.projectById.load(reference.id);
  return row && (await isProjectVisible(row, context)) ? toProject(row) : null;
}
