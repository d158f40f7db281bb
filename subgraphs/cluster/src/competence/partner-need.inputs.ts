import { Field, InputType, Int } from 'type-graphql';
import type { Certification, CompetenceArea, FundingProgramme } from '../../../../shared/competences';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { MemberKind } from '../member/member-kind';
import { CertificationEnum, CompetenceAreaEnum, FundingProgrammeEnum } from '../../../../shared/competence-enums';

@InputType('EmployeeRange', { description: 'A size a partner fits: from `min` to `max` employees, either end open.' })
export class EmployeeRange {
  @Field(() => Int, { nullable: true })
  min?: number | null;

  @Field(() => Int, { nullable: true })
  max?: number | null;
}

@InputType('PartnerNeed', {
  description:
    'What a partner should bring. Competences, certifications and programmes rank the matches (see PartnerMatch.score); kinds and regions only keep or leave out; the size ranks last.',
})
export class PartnerNeed {
  @Field(() => [CompetenceAreaEnum], { nullable: true })
  competences?: CompetenceArea[] | null;

  @Field(() => [CertificationEnum], { nullable: true })
  certifications?: Certification[] | null;

  @Field(() => [FundingProgrammeEnum], { nullable: true })
  programmes?: FundingProgramme[] | null;

  @Field(() => [MemberKind], { nullable: true, description: 'Only members of these kinds.' })
  kinds?: MemberKind[] | null;

  @Field(() => [DEVELOPMENT_REGIONS], { nullable: true, description: 'Only members based in these regions.' })
  regions?: DevelopmentRegion[] | null;

  @Field(() => EmployeeRange, { nullable: true })
  employees?: EmployeeRange | null;
}
