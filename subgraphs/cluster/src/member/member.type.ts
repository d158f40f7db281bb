import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import { MemberKind } from './member-kind';
import { Membership } from '../membership/membership.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('Member', { ...PLAIN_FIELDS, description: 'A member organisation of one cluster.' })
@Directive('@key(fields: "id")')
@Directive(shardDirective({ route: 'id', arg: 'id' }))
export class Member {
  @Field(() => ID, { description: 'Global id: `<clusterId>:<localId>`.' })
  id: string;

  @Field()
  name: string;

  @Field(() => MemberKind)
  kind: MemberKind;

  @Field(() => Int)
  employees: number;

  @Field()
  city: string;

  @Field(() => DEVELOPMENT_REGIONS, { nullable: true, description: 'The development region of its city; null for a town the network does not place.' })
  region: DevelopmentRegion | null;

  @Field(() => Int, { description: 'Year the organisation was founded.' })
  founded: number;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field(() => Membership)
  membership: Membership;

  @Field(() => Int, { description: 'Changes with every edit; give it back to `updateMember`.' })
  version: number;
}
