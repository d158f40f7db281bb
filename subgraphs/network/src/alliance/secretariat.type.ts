import { Field, ObjectType } from 'type-graphql';
import { Cluster } from '../registry/cluster.type';

@ObjectType('Secretariat', { description: 'The General Secretariat of the network.' })
export class Secretariat {
  @Field(() => Cluster, { description: 'The cluster that provides the secretariat.' })
  cluster: Cluster;

  @Field()
  description: string;
}
