import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { MemberParticipation, ProjectStub } from './participation.type';

@Resolver(() => MemberParticipation)
export class ParticipationResolver {
  @FieldResolver(() => [ProjectStub], { description: 'Projects the member leads or is a partner in, ordered by id.' })
  @Directive(shardDirective({ merge: 'concat' }))
  async projects(@Root() member: MemberParticipation, @Ctx() context: ClusterContext): Promise<ProjectStub[]> {
    const projects = await context.loaders.projectsOfMember.load(member.id);
    return projects.map((project) => ({ id: encodeGlobalId(project.clusterId, project.localId) }));
  }
}

export function resolveParticipationReference(reference: { id: string }): MemberParticipation {
  return { id: reference.id };
}
