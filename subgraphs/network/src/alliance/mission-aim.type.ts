import { Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('MissionAim', { ...PLAIN_FIELDS, description: 'One aim of the network\u2019s mission.' })
export class MissionAim {
  @Field({ description: 'Stable code, e.g. GOVERNMENT_DIALOGUE.' })
  code: string;

  @Field()
  text: string;
}
