import { Field, ObjectType } from 'type-graphql';
import { Cluster } from '../registry/cluster.type';

@ObjectType('CommitteeSeat', { description: 'A seat on the committee that coordinates the network: one per cluster.' })
export class CommitteeSeat {
  @Field(() => Cluster)
  cluster: Cluster;

  @Field({ description: 'The person who holds the seat.' })
  representative: string;

  @Field({ description: 'Whether this seat holds the network\u2019s presidency.' })
  isPresident: boolean;
}
