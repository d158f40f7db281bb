import { CERTIFICATIONS, COMPETENCE_AREAS, FUNDING_PROGRAMMES } from '../../../shared/competences';
import { REGION_NAMES } from '../../../shared/region-names';
import { label } from '../dashboard/format';
import { MEMBER_KINDS } from '../dashboard/types';

/** The controlled lists as [code, label] pairs, in their enums' order. */
export const AREA_OPTIONS = Object.entries(COMPETENCE_AREAS);
export const CERTIFICATION_OPTIONS = Object.entries(CERTIFICATIONS);
export const PROGRAMME_OPTIONS = Object.entries(FUNDING_PROGRAMMES);
export const REGION_OPTIONS = Object.entries(REGION_NAMES);
export const KIND_OPTIONS = MEMBER_KINDS.map((kind) => [kind, label(kind)] as const);

const lookup = (options: ReadonlyArray<readonly [string, string]>) => new Map(options);
const AREAS = lookup(AREA_OPTIONS);
const CERTS = lookup(CERTIFICATION_OPTIONS);
const PROGRAMMES = lookup(PROGRAMME_OPTIONS);

export const areaLabel = (code: string) => AREAS.get(code) ?? code;
export const certificationLabel = (code: string) => CERTS.get(code) ?? code;
export const programmeLabel = (code: string) => PROGRAMMES.get(code) ?? code;
