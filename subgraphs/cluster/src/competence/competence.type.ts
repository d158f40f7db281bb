import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Certification, CompetenceArea, FundingProgramme } from '../../../../shared/competences';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { shardDirective } from '../../../../shared/shard-directive';
import { CertificationEnum, CompetenceAreaEnum, FundingProgrammeEnum } from '../../../../shared/competence-enums';

@ObjectType('MemberCompetences', { ...PLAIN_FIELDS, description: 'What a member can do, each list in its enum\u2019s order.' })
export class MemberCompetences {
  @Field(() => [CompetenceAreaEnum])
  areas: CompetenceArea[];

  @Field(() => [CertificationEnum])
  certifications: Certification[];

  @Field(() => [FundingProgrammeEnum], { description: 'Funding programmes the member has taken part in.' })
  programmes: FundingProgramme[];
}

const SUM = shardDirective({ merge: 'sum' });

@ObjectType('CompetenceStats', PLAIN_FIELDS)
export class CompetenceStats {
  @Field(() => CompetenceAreaEnum)
  @Directive(shardDirective({ merge: 'same' }))
  area: CompetenceArea;

  @Field(() => Int, { description: 'Members of every kind with this competence.' })
  @Directive(SUM)
  members: number;

  @Field(() => Int, { description: 'Startups, SMEs and large enterprises among them.' })
  @Directive(SUM)
  companies: number;

  @Field(() => Int, { description: 'Employees of those companies.' })
  @Directive(SUM)
  employees: number;
}
