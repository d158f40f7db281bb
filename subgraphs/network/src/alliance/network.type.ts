import { Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

/**
 * The alliance. Only the scalar fields live on the class; mission, objectives, president,
 * secretariat and committee are field resolvers, so a query pays only for what it selects.
 */
@ObjectType('Network', { ...PLAIN_FIELDS, description: 'IT-RO, the network of IT clusters in Romania.' })
export class Network {
  @Field({ description: 'Short name, "IT-RO".' })
  name: string;

  @Field()
  fullName: string;

  presidentClusterId: string;
  secretariatClusterId: string;
  secretariatDescription: string;
}
