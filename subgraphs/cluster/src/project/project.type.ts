import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterStub } from '../cluster-ref/cluster.type';
import { MemberStub } from './member-stub.type';
import { ProjectStatus } from './project-status';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('Project', { ...PLAIN_FIELDS, description: 'A project run by one cluster, with partners from any cluster.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class Project {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => ProjectStatus)
  status: ProjectStatus;

  @Field({ description: 'ISO date the project started.' })
  startedOn: string;

  @Field(() => Int)
  budgetEur: number;

  @Field(() => ClusterStub)
  cluster: ClusterStub;

  @Field(() => MemberStub, { description: 'The leading member, of the project\u2019s own cluster.' })
  lead: MemberStub;
}
