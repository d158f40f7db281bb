import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { emptyConnection, toConnection, type Connection } from '../paging/connection';
import { pageSize, selectClusters } from '../paging/page-args';
import { CONNECTION_MERGE } from '../paging/page-info.type';
import { SortDirection } from '../paging/sort-direction';
import { MemberStub } from './member-stub.type';
import { rankEngagements } from '../engagement/engagement-ranking';
import { ResourceEngagement } from '../engagement/engagement.type';
import { ProjectConnection } from './project.connection';
import { ProjectFilter, ProjectOrder, ProjectOrderField } from './project.inputs';
import { toProject } from './project.mapper';
import { countProjects, findProjectPage, projectOrder } from './project.store';
import { Project } from './project.type';

@ArgsType()
class ProjectPageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { nullable: true })
  orderBy?: ProjectOrder | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these clusters; every cluster when omitted.' })
  clusters?: string[] | null;
}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: 'Projects of every cluster, or of those named, in one keyset order.' })
  @Directive(CONNECTION_MERGE)
  async projects(@Ctx() context: ClusterContext, @Args() args: ProjectPageArgs): Promise<Connection<Project>> {
    const first = pageSize(args.first);
    const clusterIds = selectClusters(context.clusterIds, args.clusters);
    if (clusterIds.length === 0) return emptyConnection();
    const order = projectOrder(args.orderBy?.field ?? ProjectOrderField.TITLE, args.orderBy?.direction ?? SortDirection.ASC);
    const page = await findProjectPage(context.dataSource, clusterIds, args.filter, order, first, args.after);
    return toConnection(page, order, args.after, toProject, () => countProjects(context.dataSource, clusterIds, args.filter));
  }

  @Query(() => Project, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  async project(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Project | null> {
    decodeGlobalId(id);
    const row = await context.loaders.projectById.load(id);
    return row ? toProject(row) : null;
  }

  @FieldResolver(() => [MemberStub], { description: 'Partners from any cluster, ordered by id.' })
  async partners(@Root() project: Project, @Ctx() context: ClusterContext): Promise<MemberStub[]> {
    const partners = await context.loaders.partnersOfProject.load(project.id);
    return partners.map((partner) => ({ id: encodeGlobalId(partner.clusterId, partner.localId) }));
  }

  @FieldResolver(() => [ResourceEngagement], { description: 'Resource engagements in participation priority order.' })
  async engagements(@Root() project: Project, @Ctx() context: ClusterContext): Promise<ResourceEngagement[]> {
    return rankEngagements(await context.loaders.engagementsOfProject.load(project.id));
  }
}

export async function resolveProjectReference(reference: { id: string }, context: ClusterContext): Promise<Project | null> {
  const row = await context.loaders.projectById.load(reference.id);
  return row ? toProject(row) : null;
}
