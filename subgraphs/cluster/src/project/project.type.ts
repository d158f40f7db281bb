import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterStub } from '../cluster-ref/cluster.type';
import { MemberStub } from './member-stub.type';
import { ProjectStatus } from './project-status';
import { WorkingGroupStub } from '../working-group/working-group.type';
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

  @Field(() => MemberStub, { nullable: true, description: 'The leading member, of the project\u2019s own cluster.' })
  lead: MemberStub;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the project ends or ended; null when open-ended.' })
  endsOn: string | null;

  @Field(() => WorkingGroupStub, { nullable: true, description: 'The working group the project came from.' })
  workingGroup: WorkingGroupStub | null;

  @Field({ description: 'Under a non-disclosure agreement signed by every participant: its details are confidential.' })
  underNda: boolean;

  @Field(() => Int, { description: 'Changes with every edit; give it back to `updateProject` and `addProjectPartner`.' })
  version: number;
}
