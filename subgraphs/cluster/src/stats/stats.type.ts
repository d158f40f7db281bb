import { Field, Float, Int, ObjectType, Directive } from 'type-graphql';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import { MemberKind } from '../member/member-kind';
import { ProjectStatus } from '../project/project-status';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

const SUM = shardDirective({ merge: 'sum' });

@ObjectType('KindStats', { ...PLAIN_FIELDS, description: 'Members of one helix kind.' })
export class KindStats {
  @Field(() => MemberKind)
  @Directive(shardDirective({ merge: 'same' }))
  kind: MemberKind;

  @Field(() => Int)
  @Directive(SUM)
  count: number;

  @Field(() => Int, { description: 'Employees of the members of this kind.' })
  @Directive(SUM)
  employees: number;

  @Field(() => Float, { nullable: true, description: 'Employees per member of this kind; null when there is none.' })
  @Directive(shardDirective({ merge: 'average', sum: 'employees', count: 'count' }))
  averageEmployees: number | null;
}

@ObjectType('ProjectStatusCount', { ...PLAIN_FIELDS, description: 'Projects in one status.' })
export class ProjectStatusCount {
  @Field(() => ProjectStatus)
  @Directive(shardDirective({ merge: 'same' }))
  status: ProjectStatus;

  @Field(() => Int)
  @Directive(SUM)
  count: number;
}

@ObjectType('ClusterCollaboration', { ...PLAIN_FIELDS, description: 'Two clusters and the projects that join members of both.' })
export class ClusterCollaboration {
  @Field({ description: 'The two cluster ids joined by "+", in code-point order, e.g. "banat+transilvania".' })
  @Directive(shardDirective({ merge: 'same' }))
  pair: string;

  // One of the two is the answering cluster; the other may be any cluster.
  @Field(() => ClusterNode, { description: 'The cluster whose id sorts first.' })
  @Directive(shardDirective({ merge: 'same', refs: 'any' }))
  first: ClusterNode;

  @Field(() => ClusterNode)
  @Directive(shardDirective({ merge: 'same', refs: 'any' }))
  second: ClusterNode;

  @Field(() => Int, { description: 'Projects with members of both clusters among lead and partners.' })
  @Directive(SUM)
  projects: number;
}

@ObjectType('ClusterStats', { ...PLAIN_FIELDS, description: 'One cluster\u2019s figures.' })
export class ClusterStats {
  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field(() => Int)
  members: number;

  @Field(() => Int, { description: 'Startups, SMEs and large enterprises.' })
  companies: number;

  @Field(() => Int, { description: 'Employees of the member companies.' })
  employees: number;

  @Field(() => Int)
  projects: number;

  /** The helix kinds counted (all when absent), for the field resolvers; not a GraphQL field. */
  kinds?: MemberKind[] | null;
}

@ObjectType('NetworkStats', { ...PLAIN_FIELDS, description: 'Figures over the whole network, or over the clusters asked for.' })
export class NetworkStats {
  @Field(() => Int)
  @Directive(SUM)
  members: number;

  @Field(() => Int, { description: 'Startups, SMEs and large enterprises.' })
  @Directive(SUM)
  companies: number;

  @Field(() => Int, { description: 'Employees of the member companies: the figure the network publishes.' })
  @Directive(SUM)
  employees: number;

  @Field(() => Int)
  @Directive(SUM)
  projects: number;

  @Field(() => Float, { nullable: true, description: 'Employees per member company; null when there is none.' })
  @Directive(shardDirective({ merge: 'average', sum: 'employees', count: 'companies' }))
  averageCompanySize: number | null;

  @Field(() => Int, { nullable: true, description: 'The founding year of the oldest member; null when there is none.' })
  @Directive(shardDirective({ merge: 'min' }))
  earliestFounded: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees of the largest member; null when there is none.' })
  @Directive(shardDirective({ merge: 'max' }))
  largestMemberEmployees: number | null;

  @Field(() => [KindStats], { description: 'Every helix kind, in the enum\u2019s order.' })
  @Directive(shardDirective({ merge: 'groupBy', key: 'kind' }))
  byKind: KindStats[];

  @Field(() => [ClusterStats], { description: 'One entry per cluster, ordered by cluster id.' })
  @Directive(shardDirective({ merge: 'concat' }))
  byCluster: ClusterStats[];

  @Field(() => [ProjectStatusCount], { description: 'Every project status, in the enum\u2019s order.' })
  @Directive(shardDirective({ merge: 'groupBy', key: 'status' }))
  projectsByStatus: ProjectStatusCount[];

  @Field(() => [ClusterCollaboration], { description: 'Each pair of clusters whose members work together in projects, ordered by pair.' })
  @Directive(shardDirective({ merge: 'groupByKey', key: 'pair' }))
  collaboration: ClusterCollaboration[];

  /** The clusters the figures cover, for the field resolvers; not a GraphQL field. */
  clusterIds: string[];

  /** The helix kinds counted (all when absent), for the field resolvers; not a GraphQL field. */
  kinds?: MemberKind[] | null;
}
