import { Field, ObjectType } from 'type-graphql';
import { Cluster } from '../registry/cluster.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('CommitteeSeat', { ...PLAIN_FIELDS, description: 'A seat on the committee that coordinates the network: one per cluster.' })
export class CommitteeSeat {
  @Field(() => Cluster)
  cluster: Cluster;

  @Field({ description: 'The person who holds the seat.' })
  representative: string;

  @Field({ description: 'Whether this seat holds the network\u2019s presidency.' })
  isPresident: boolean;
}
