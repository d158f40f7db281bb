import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/**
 * A member named by id only. Its fields live in the members subgraph, so the gateway fetches them
 * as entities from the member's own cluster: a project's cluster never answers for a foreign member.
 */
@ObjectType('Member', PLAIN_FIELDS)
@Directive('@key(fields: "id", resolvable: false)')
export class MemberStub {
  @Field(() => ID)
  id: string;
}
