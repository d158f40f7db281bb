import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';

@ObjectType('WorkingGroup', { ...PLAIN_FIELDS, description: 'Members working towards a shared strategic objective, coordinated by board directors.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class WorkingGroup {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field()
  name: string;

  @Field({ description: 'The members\u2019 strategic objective the group serves.' })
  objective: string;

  @Field({ description: 'ISO date the group was formed.' })
  formedOn: string;

  @Field(() => Int, { description: 'Changes with every edit.' })
  version: number;
}

/** A working group named by id only, for the projects subgraph. */
@ObjectType('WorkingGroup', PLAIN_FIELDS)
@Directive('@key(fields: "id", resolvable: false)')
export class WorkingGroupStub {
  @Field(() => ID)
  id: string;
}
