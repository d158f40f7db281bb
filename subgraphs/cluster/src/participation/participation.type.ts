import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';

@ObjectType('Project')
@Directive('@key(fields: "id", resolvable: false)')
export class ProjectStub {
  @Field(() => ID)
  id: string;
}

/**
 * The projects a member takes part in. Every cluster may run a project with a foreign partner, so
 * the gateway asks every shard and joins their answers; each shard names only its own projects.
 */
@ObjectType('Member')
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'all' }))
export class MemberParticipation {
  @Field(() => ID)
  id: string;
}
