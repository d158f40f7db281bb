import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import { ServiceRequestStatus } from './service-request-status';

@ObjectType('Service', { ...PLAIN_FIELDS, description: 'A paid service a cluster offers its members, below the market price.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class Service {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => Int)
  memberPriceEur: number;

  @Field(() => Int)
  marketPriceEur: number;

  @Field(() => Float, { description: 'How much cheaper members get it than the market, in percent.' })
  savingPercent: number;

  @Field({ description: 'Whether members can request it now.' })
  active: boolean;
}

@ObjectType('ServiceRequest', { ...PLAIN_FIELDS, description: 'A member\u2019s request for a service of its cluster.' })
export class ServiceRequest {
  @Field(() => ID)
  id: string;

  @Field({ description: 'ISO date.' })
  requestedOn: string;

  @Field(() => ServiceRequestStatus)
  status: ServiceRequestStatus;

  @Field(() => Int)
  version: number;

  /** As the member wrote it; the `note` field shows it only to whom it is for (ServiceRequestResolver). */
  note: string;
  serviceId: string;
  memberId: string;
}
