/**
 * The controlled lists a member's competences are drawn from: what it does (competence areas), the
 * quality certifications it holds and the funding programmes it has taken part in. Codes are the
 * GraphQL enum values; labels are what pages and exports show.
 */
export const COMPETENCE_AREAS = {
  AI_DATA: 'AI and data',
  CYBERSECURITY: 'Cybersecurity',
  CLOUD: 'Cloud',
  EMBEDDED_AUTOMOTIVE: 'Embedded and automotive',
  IOT_INDUSTRY: 'IoT and industry 4.0',
  FINTECH: 'Fintech',
  HEALTH: 'Health',
  E_GOVERNMENT: 'e-Government',
  SMART_CITY: 'Smart city',
  AGRITECH: 'Agritech',
  EDTECH: 'Edtech',
  GAMING_MEDIA: 'Gaming and media',
  ERP: 'ERP',
} as const;

export const CERTIFICATIONS = {
  ISO_9001: 'ISO 9001',
  ISO_27001: 'ISO 27001',
  ISO_14001: 'ISO 14001',
  ISO_13485: 'ISO 13485',
  CMMI: 'CMMI',
  TISAX: 'TISAX',
  ASPICE: 'Automotive SPICE',
} as const;

export const FUNDING_PROGRAMMES = {
  HORIZON_EUROPE: 'Horizon Europe',
  DIGITAL_EUROPE: 'Digital Europe',
  PNRR: 'PNRR',
  INTERREG: 'Interreg',
  ERASMUS_PLUS: 'Erasmus+',
  REGIONAL_PROGRAMME: 'Regional programme',
  EEA_GRANTS: 'EEA and Norway Grants',
} as const;

export type CompetenceArea = keyof typeof COMPETENCE_AREAS;
export type Certification = keyof typeof CERTIFICATIONS;
export type FundingProgramme = keyof typeof FUNDING_PROGRAMMES;

export const COMPETENCE_AREA_CODES = Object.keys(COMPETENCE_AREAS) as CompetenceArea[];
export const CERTIFICATION_CODES = Object.keys(CERTIFICATIONS) as Certification[];
export const FUNDING_PROGRAMME_CODES = Object.keys(FUNDING_PROGRAMMES) as FundingProgramme[];

/** The three lists as rows store them: `kind` names the list, `code` the entry. */
export type CompetenceKind = 'AREA' | 'CERTIFICATION' | 'PROGRAMME';

/** A member's competences, each list in its enum's order and without repeats. */
export interface CompetenceSets {
  areas: CompetenceArea[];
  certifications: Certification[];
  programmes: FundingProgramme[];
}

const ORDER: { readonly [Kind in CompetenceKind]: readonly string[] } = {
  AREA: COMPETENCE_AREA_CODES,
  CERTIFICATION: CERTIFICATION_CODES,
  PROGRAMME: FUNDING_PROGRAMME_CODES,
};

/** The codes of one list in their enum's order, repeats removed: every shard and the one database say them alike. */
export function inListOrder<Code extends string>(kind: CompetenceKind, codes: Iterable<Code>): Code[] {
  const given = new Set<string>(codes);
  return ORDER[kind].filter((code) => given.has(code)) as Code[];
}
