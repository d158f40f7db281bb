import { registerEnumType } from 'type-graphql';

/** The quadruple helix: companies by size, academia, authorities, catalysts and the community. */
export enum MemberKind {
  STARTUP = 'STARTUP',
  SME = 'SME',
  LARGE_ENTERPRISE = 'LARGE_ENTERPRISE',
  UNIVERSITY = 'UNIVERSITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  PUBLIC_AUTHORITY = 'PUBLIC_AUTHORITY',
  CATALYST = 'CATALYST',
  COMMUNITY = 'COMMUNITY',
}

registerEnumType(MemberKind, { name: 'MemberKind', description: 'The quadruple helix of the IT value chain.' });

export const MEMBER_KINDS: readonly MemberKind[] = Object.values(MemberKind);

/** Kinds that count as member companies in the network's published figures. */
export const COMPANY_KINDS: readonly MemberKind[] = [MemberKind.STARTUP, MemberKind.SME, MemberKind.LARGE_ENTERPRISE];
