import { Field, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('Objective', { ...PLAIN_FIELDS, description: 'A priority objective of the network.' })
export class Objective {
  @Field({ description: 'Stable code, e.g. COOPERATION.' })
  code: string;

  @Field()
  title: string;

  @Field(() => Int, { description: 'Priority order, 0-based.' })
  position: number;
}
