import { ArgsType, Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import { SortDirection } from './sort-direction';

/** `{ field, direction }` for one listing's orderings, e.g. `EventOrder { field: EventOrderField }`. */
export function orderInput<Field extends string>(name: string, fields: Record<string, Field>, defaultField: Field, defaultDirection = SortDirection.ASC) {
  @InputType(name)
  class Order {
    @Field(() => fields, { defaultValue: defaultField })
    field: Field;

    @Field(() => SortDirection, { defaultValue: defaultDirection })
    direction: SortDirection;
  }
  return Order;
}

/** The arguments of a network-wide connection: filter, order, page and the clusters asked for. */
export function networkPageArgs<Filter extends object, Order extends object>(filter: ClassType<Filter>, order: ClassType<Order>, orderDescription?: string) {
  @ArgsType()
  class NetworkPageArgs {
    @Field(() => filter, { nullable: true })
    filter?: Filter | null;

    @Field(() => order, { nullable: true, description: orderDescription })
    orderBy?: Order | null;

    @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
    first?: number | null;

    @Field(() => String, { nullable: true })
    after?: string | null;

    @Field(() => [ID], { nullable: true, description: 'Only these clusters; every cluster when omitted.' })
    clusters?: string[] | null;
  }
  return NetworkPageArgs;
}
