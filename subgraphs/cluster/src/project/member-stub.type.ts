import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A member named by id only. Its fields live in the members subgraph, so the gateway fetches them
 * as entities from the member's own cluster: a project's cluster never answers for a foreign member.
 */
@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberStub {
  @Field(() => ID)
  id: string;
}
