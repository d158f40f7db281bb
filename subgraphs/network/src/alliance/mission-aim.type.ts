import { Field, ObjectType } from 'type-graphql';

@ObjectType('MissionAim', { description: 'One aim of the network\u2019s mission.' })
export class MissionAim {
  @Field({ description: 'Stable code, e.g. GOVERNMENT_DIALOGUE.' })
  code: string;

  @Field()
  text: string;
}
