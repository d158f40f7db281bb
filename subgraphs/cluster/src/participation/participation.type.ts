import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('Project', PLAIN_FIELDS)
@Directive('@key(fields: "id", resolvable: false)')
export class ProjectStub {
  @Field(() => ID)
  id: string;
}

/**
 * The projects a member takes part in. Every cluster may run a project with a foreign partner, so
 * the gateway asks every shard and joins their answers; each shard names only its own projects.
 */
@ObjectType('Member', PLAIN_FIELDS)
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'all' }))
export class MemberParticipation {
  @Field(() => ID)
  id: string;
}
