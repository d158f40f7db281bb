import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CompetenceAreaEnum } from '../../../../shared/competence-enums';
import type { CompetenceArea } from '../../../../shared/competences';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { Cluster } from '../registry/cluster.type';

/** A member as the network subgraph names one: by id, its fields served by its own cluster. */
@ObjectType('Member', PLAIN_FIELDS)
@Directive('@key(fields: "id", resolvable: false)')
export class MemberReference {
  @Field(() => ID)
  id: string;
}

@ObjectType('ConsortiumRole', PLAIN_FIELDS)
export class ConsortiumRole {
  @Field()
  label: string;

  // Items nullable: a member's fields come from its own cluster, and a cluster that fails then nulls its member, not the proposal.
  @Field(() => [MemberReference], { nullable: 'items', description: 'As many members as the role asks, best match first; null for one whose cluster could not be asked.' })
  members: Array<MemberReference | null>;
}

@ObjectType('ConsortiumCoverage', { ...PLAIN_FIELDS, description: 'What a proposal spans.' })
export class ConsortiumCoverage {
  @Field(() => [CompetenceAreaEnum], { description: 'The roles\u2019 competences its members bring, in the enum\u2019s order.' })
  competences: CompetenceArea[];

  @Field(() => [DEVELOPMENT_REGIONS], { description: 'Distinct regions of its members and lead.' })
  regions: DevelopmentRegion[];

  @Field(() => [Cluster], { description: 'Distinct clusters of its members and lead, by id.' })
  clusters: Cluster[];
}

@ObjectType('ConsortiumProposal', { ...PLAIN_FIELDS, description: 'One way to fill every role of a call with distinct members.' })
export class ConsortiumProposal {
  @Field(() => Int, { description: 'The sum of its members\u2019 partner-search scores, each for its role.' })
  score: number;

  @Field(() => MemberReference, { nullable: true, description: 'The member leading the call, when one was named.' })
  lead: MemberReference | null;

  @Field(() => [ConsortiumRole], { description: 'The call\u2019s roles, in the order asked.' })
  roles: ConsortiumRole[];

  @Field(() => ConsortiumCoverage)
  covers: ConsortiumCoverage;
}
