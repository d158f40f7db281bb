import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('Objective', { description: 'A priority objective of the network.' })
export class Objective {
  @Field({ description: 'Stable code, e.g. COOPERATION.' })
  code: string;

  @Field()
  title: string;

  @Field(() => Int, { description: 'Priority order, 0-based.' })
  position: number;
}
