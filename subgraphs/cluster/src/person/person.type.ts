import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import { PersonRoleKind } from './person-role';

@ObjectType('Person', { ...PLAIN_FIELDS, description: 'A person in a cluster\u2019s directory: name, organisation, title and roles, nothing private.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  jobTitle: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  /** Global id of the member organisation, null for the cluster's staff. */
  memberId: string | null;
}

@ObjectType('PersonRole', { ...PLAIN_FIELDS, description: 'A role a person holds or held, with its dates and scope.' })
export class PersonRole {
  @Field(() => PersonRoleKind)
  role: PersonRoleKind;

  @Field({ description: 'ISO date the role began.' })
  since: string;

  @Field(() => String, { nullable: true, description: 'ISO date the role ended; null while it is held.' })
  until: string | null;

  @Field({ description: 'Whether the role is held now.' })
  current: boolean;

  personId: string;
  memberId: string | null;
  boardId: string | null;
  workingGroupId: string | null;
}
