import { registerEnumType } from 'type-graphql';
import { CERTIFICATIONS, COMPETENCE_AREAS, FUNDING_PROGRAMMES, type Certification, type CompetenceArea, type FundingProgramme } from './competences';

/** The controlled lists of shared/competences.ts as GraphQL enums, each value described by its label. */
function enumOf<Code extends string>(labels: Readonly<Record<Code, string>>): { readonly [C in Code]: C } {
  return Object.fromEntries(Object.keys(labels).map((code) => [code, code])) as { readonly [C in Code]: C };
}

const described = (labels: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, { description: label }]));

export const CompetenceAreaEnum = enumOf<CompetenceArea>(COMPETENCE_AREAS);
export const CertificationEnum = enumOf<Certification>(CERTIFICATIONS);
export const FundingProgrammeEnum = enumOf<FundingProgramme>(FUNDING_PROGRAMMES);

registerEnumType(CompetenceAreaEnum, { name: 'CompetenceArea', description: 'What a member does, from the network\u2019s controlled list.', valuesConfig: described(COMPETENCE_AREAS) });
registerEnumType(CertificationEnum, { name: 'Certification', description: 'A quality certification a member holds.', valuesConfig: described(CERTIFICATIONS) });
registerEnumType(FundingProgrammeEnum, { name: 'FundingProgramme', description: 'A funding programme a member has taken part in.', valuesConfig: described(FUNDING_PROGRAMMES) });
