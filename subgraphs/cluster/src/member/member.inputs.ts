import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import type { Certification, CompetenceArea, FundingProgramme } from '../../../../shared/competences';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { CertificationEnum, CompetenceAreaEnum, FundingProgrammeEnum } from '../../../../shared/competence-enums';
import { SortDirection } from '../paging/sort-direction';
import { MemberKind } from './member-kind';

export enum MemberOrderField {
  NAME = 'NAME',
  EMPLOYEES = 'EMPLOYEES',
  FOUNDED = 'FOUNDED',
}
registerEnumType(MemberOrderField, { name: 'MemberOrderField' });

@InputType('MemberOrder')
export class MemberOrder {
  @Field(() => MemberOrderField, { defaultValue: MemberOrderField.NAME })
  field: MemberOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType('MemberFilter')
export class MemberFilter {
  @Field(() => [MemberKind], { nullable: true })
  kind?: MemberKind[] | null;

  @Field(() => String, { nullable: true, description: 'Matches names ignoring case and diacritics.' })
  nameContains?: string | null;

  @Field(() => Int, { nullable: true })
  minEmployees?: number | null;

  @Field(() => String, { nullable: true, description: 'Matches the city ignoring case and diacritics.' })
  city?: string | null;

  @Field(() => [CompetenceAreaEnum], { nullable: true, description: 'Members with every one of these competence areas.' })
  competences?: CompetenceArea[] | null;

  @Field(() => [CertificationEnum], { nullable: true, description: 'Members holding every one of these certifications.' })
  certifications?: Certification[] | null;

  @Field(() => [FundingProgrammeEnum], { nullable: true, description: 'Members that took part in every one of these programmes.' })
  programmes?: FundingProgramme[] | null;

  @Field(() => [DEVELOPMENT_REGIONS], { nullable: true, description: 'Members based in any of these regions.' })
  regions?: DevelopmentRegion[] | null;
}
