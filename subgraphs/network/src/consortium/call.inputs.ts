import { Field, ID, InputType, Int } from 'type-graphql';
import { CertificationEnum, CompetenceAreaEnum, FundingProgrammeEnum } from '../../../../shared/competence-enums';
import type { Certification, CompetenceArea, FundingProgramme } from '../../../../shared/competences';
import { MemberKind } from '../../../../shared/member-kind';

@InputType('CallRoleInput', { description: 'One role of a call: what its members bring, and how many it takes.' })
export class CallRoleInput {
  @Field({ description: 'How the call names the role, e.g. "AI partner".' })
  label: string;

  @Field(() => [CompetenceAreaEnum])
  competences: CompetenceArea[];

  @Field(() => [CertificationEnum], { nullable: true })
  certifications?: Certification[] | null;

  @Field(() => [FundingProgrammeEnum], { nullable: true })
  programmes?: FundingProgramme[] | null;

  @Field(() => [MemberKind], { nullable: true, description: 'Only members of these kinds may take the role.' })
  kinds?: MemberKind[] | null;

  @Field(() => Int, { defaultValue: 1 })
  count: number;
}

@InputType('CallInput', { description: 'A funding call\u2019s consortium: its roles and the rules the whole must keep.' })
export class CallInput {
  @Field(() => [CallRoleInput])
  roles: CallRoleInput[];

  @Field(() => Int, { defaultValue: 1, description: 'Distinct development regions the consortium spans at least, the lead\u2019s included.' })
  minRegions: number;

  @Field(() => Int, { nullable: true, description: 'Members of one cluster at most, the lead included.' })
  maxPerCluster?: number | null;

  @Field(() => ID, { nullable: true, description: 'The member leading the call: counted in, given no role.' })
  lead?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only members of these clusters; every cluster when omitted.' })
  clusters?: string[] | null;
}
