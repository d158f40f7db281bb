import { Field, ID, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { NetworkInitiativeStatus } from './initiative-status';

/**
 * A joint initiative of the network's clusters. Objective, lead cluster and clusters are field
 * resolvers over per-request loaders; the remaining properties are the row's own.
 */
@ObjectType('NetworkInitiative', { ...PLAIN_FIELDS, description: 'A network-wide initiative that serves one priority objective.' })
export class NetworkInitiative {
  // GraphQL's ID renders the integer as a string, e.g. "3".
  @Field(() => ID, { description: 'A positive integer, e.g. "3": initiatives belong to the network, not to a cluster.' })
  id: number;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => NetworkInitiativeStatus)
  status: NetworkInitiativeStatus;

  @Field({ description: 'ISO date (YYYY-MM-DD) it started, or is planned to start.' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) it ends or ended; null while open-ended.' })
  endsOn: string | null;

  objectiveCode: string;
  leadClusterId: string;
}
