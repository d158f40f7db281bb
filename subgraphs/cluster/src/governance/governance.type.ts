import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { ClusterNode } from '../cluster-ref/cluster.type';
import { AssemblyKind, InitiativeStatus } from './governance-enums';

const BY_ID = shardDirective({ route: 'id', arg: 'id' });

@ObjectType('GeneralAssembly', { ...PLAIN_FIELDS, description: 'A meeting of a cluster\u2019s General Assembly of members.' })
export class GeneralAssembly {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field({ description: 'ISO date.' })
  heldOn: string;

  @Field(() => AssemblyKind)
  kind: AssemblyKind;

  @Field(() => Int, { description: 'Member organisations present or represented.' })
  membersPresent: number;

  @Field(() => Int)
  votesCast: number;

  @Field(() => String, { nullable: true, description: 'The resolutions adopted, as published to members.' })
  resolutions: string | null;
}

@ObjectType('Board', { ...PLAIN_FIELDS, description: 'A Board of Directors for one two-year term, elected by the General Assembly.' })
export class Board {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field({ description: 'ISO date the term began.' })
  termStart: string;

  @Field({ description: 'ISO date the term ends.' })
  termEnd: string;

  electedAtAssemblyId: string;
}

@ObjectType('BoardMeeting', { ...PLAIN_FIELDS, description: 'A meeting of the board, chaired by the president; its minutes are for members.' })
@Directive('@key(fields: "id")')
@Directive(BY_ID)
export class BoardMeeting {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field({ description: 'ISO date.' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Null until recorded.' })
  minutes: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the minutes were recorded.' })
  minutesRecordedOn: string | null;

  @Field(() => Int, { description: 'Changes with every edit; give it back to `recordMeetingMinutes`.' })
  version: number;

  boardId: string;
  chairPersonId: string | null;
}

@ObjectType('Initiative', { ...PLAIN_FIELDS, description: 'An initiative brought to the board by a member or by staff, and the board\u2019s decision.' })
@Directive('@key(fields: "id")')
@Directive(BY_ID)
export class Initiative {
  @Field(() => ID)
  id: string;

  @Field(() => ClusterNode)
  cluster: ClusterNode;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'ISO date it was brought to the board.' })
  proposedOn: string;

  @Field(() => InitiativeStatus)
  status: InitiativeStatus;

  @Field(() => Int, { description: 'Changes with every edit; give it back to `decideInitiative`.' })
  version: number;

  proposedByMemberId: string | null;
  proposedByPersonId: string | null;
  decidedAtMeetingId: string | null;
  workingGroupId: string | null;
}

@ObjectType('Kpi', { ...PLAIN_FIELDS, description: 'A key performance indicator negotiated with the executive director.' })
export class Kpi {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'What target and actual count, e.g. "members", "events", "EUR".' })
  unit: string;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { nullable: true, description: 'Null while nothing is measured yet.' })
  actual: number | null;

  @Field(() => Float, { nullable: true, description: 'actual / target; null when either is unknown or the target is 0.' })
  attainment: number | null;

  @Field({ description: 'ISO date the period begins.' })
  periodStart: string;

  @Field({ description: 'ISO date the period ends.' })
  periodEnd: string;

  executiveDirectorId: string;
}
