import { Field, ObjectType } from 'type-graphql';
import { Cluster } from '../registry/cluster.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('Secretariat', { ...PLAIN_FIELDS, description: 'The General Secretariat of the network.' })
export class Secretariat {
  @Field(() => Cluster, { description: 'The cluster that provides the secretariat.' })
  cluster: Cluster;

  @Field()
  description: string;
}
