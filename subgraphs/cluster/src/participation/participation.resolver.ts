import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { visibleProjects } from '../access/project-visibility';
import type { ClusterContext } from '../context';
import { MemberParticipation, ProjectStub } from './participation.type';

@Resolver(() => MemberParticipation)
export class ParticipationResolver {
  @FieldResolver(() => [ProjectStub], { description: 'Projects the member leads or is a partner in that the caller may see, ordered by id.' })
  @Directive(shardDirective({ merge: 'concat' }))
  async projects(@Root() member: MemberParticipation, @Ctx() context: ClusterContext): Promise<ProjectStub[]> {
    const ids = (await context.loaders.projectsOfMember.load(member.id)).map((project) => encodeGlobalId(project.clusterId, project.localId));
    const rows = await Promise.all(ids.map((id) => context.loaders.projectById.load(id)));
    const visible = await visibleProjects(rows.filter((row) => row !== null), context);
    return visible.map((row) => ({ id: encodeGlobalId(row.clusterId, row.id) }));
  }
}

export function resolveParticipationReference(reference: { id: string }): MemberParticipation {
  return { id: reference.id };
}
