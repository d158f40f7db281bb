import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { isNdaProjectVisible } from '../access/project-visibility';
import type { ClusterContext } from '../context';
import { MemberParticipation, ProjectStub } from './participation.type';

@Resolver(() => MemberParticipation)
export class ParticipationResolver {
  // Nullable, list and items: each project comes from its own cluster, and one cluster down must
  // cost only its projects, never the member (and with it the page of members holding it).
  @FieldResolver(() => [ProjectStub], { nullable: 'itemsAndList', description: 'Projects the member leads or is a partner in that the caller may see, ordered by id.' })
  @Directive(shardDirective({ merge: 'concat' }))
  async projects(@Root() member: MemberParticipation, @Ctx() context: ClusterContext): Promise<ProjectStub[]> {
    const projects = await context.loaders.projectsOfMember.load(member.id);
    const shown = await Promise.all(projects.map((project) => !project.underNda || isNdaProjectVisible(project, context)));
    return projects.filter((_, index) => shown[index]).map((project) => ({ id: encodeGlobalId(project.clusterId, project.localId) }));
  }
}

export function resolveParticipationReference(reference: { id: string }): MemberParticipation {
  return { id: reference.id };
}
