import { Faker, base } from '@faker-js/faker';
import type { Certification, CompetenceArea, FundingProgramme } from '../../shared/competences';
import { inListOrder } from '../../shared/competences';
import { regionOfCity } from '../../shared/romania-regions';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import { WORKING_GROUPS, type Topic } from './activity-catalog';
import type { ClusterActivity, SeedCompetence, SeedMember } from './seed-rows';

/** The competence area a working group's topic is about; topics about how members work together name none. */
const AREA_OF_TOPIC: { readonly [T in Topic]: CompetenceArea | null } = {
  industry: 'IOT_INDUSTRY',
  cybersecurity: 'CYBERSECURITY',
  education: 'EDTECH',
  'smart-city': 'SMART_CITY',
  internationalisation: null,
  healthtech: 'HEALTH',
  agritech: 'AGRITECH',
  ai: 'AI_DATA',
  'e-government': 'E_GOVERNMENT',
  startups: null,
  'green-it': 'IOT_INDUSTRY',
  mobility: 'EMBEDDED_AUTOMOTIVE',
};

/** How often each kind of member works in each area (relative weights), and how many areas it has. */
const AREA_PROFILE: { readonly [K in MemberKind]: { count: [number, number]; weights: Partial<Record<CompetenceArea, number>> } } = {
  STARTUP: { count: [1, 2], weights: { AI_DATA: 5, FINTECH: 3, HEALTH: 2, AGRITECH: 2, EDTECH: 2, GAMING_MEDIA: 3, CLOUD: 2, CYBERSECURITY: 2, IOT_INDUSTRY: 2, SMART_CITY: 1 } },
  SME: { count: [1, 3], weights: { CLOUD: 5, ERP: 4, AI_DATA: 4, CYBERSECURITY: 3, EMBEDDED_AUTOMOTIVE: 3, IOT_INDUSTRY: 3, FINTECH: 2, HEALTH: 2, E_GOVERNMENT: 2, GAMING_MEDIA: 1, EDTECH: 1, SMART_CITY: 1, AGRITECH: 1 } },
  LARGE_ENTERPRISE: { count: [3, 5], weights: { CLOUD: 5, EMBEDDED_AUTOMOTIVE: 4, AI_DATA: 4, CYBERSECURITY: 4, ERP: 3, FINTECH: 3, IOT_INDUSTRY: 3, HEALTH: 1, E_GOVERNMENT: 1 } },
  UNIVERSITY: { count: [3, 6], weights: { AI_DATA: 5, CYBERSECURITY: 3, EMBEDDED_AUTOMOTIVE: 3, IOT_INDUSTRY: 3, HEALTH: 2, AGRITECH: 2, EDTECH: 3, CLOUD: 2, SMART_CITY: 2 } },
  RESEARCH_INSTITUTE: { count: [2, 4], weights: { AI_DATA: 4, IOT_INDUSTRY: 3, HEALTH: 2, AGRITECH: 2, CYBERSECURITY: 2, EMBEDDED_AUTOMOTIVE: 2, SMART_CITY: 1 } },
  PUBLIC_AUTHORITY: { count: [1, 2], weights: { E_GOVERNMENT: 6, SMART_CITY: 4 } },
  CATALYST: { count: [1, 2], weights: { EDTECH: 2, SMART_CITY: 2, AI_DATA: 1, IOT_INDUSTRY: 1, AGRITECH: 1 } },
  COMMUNITY: { count: [1, 2], weights: { EDTECH: 3, GAMING_MEDIA: 2, AI_DATA: 2, CYBERSECURITY: 1 } },
};

const COMPANIES: readonly MemberKind[] = [MemberKind.STARTUP, MemberKind.SME, MemberKind.LARGE_ENTERPRISE];
/** Regions on an EU border, where cross-border Interreg programmes run. */
const BORDER_REGIONS = new Set(['NORD_VEST', 'VEST', 'SUD_VEST_OLTENIA', 'SUD_EST', 'NORD_EST']);

/**
 * Each member's competences, consistent with what it is: its kind and size decide how many areas
 * and which certifications it is likely to hold (a large company ISO 9001 and 27001 more often than
 * a startup, TISAX only with automotive work), the working groups it joined add their areas, and
 * its kind and region decide the funding programmes it took part in (universities in Horizon
 * Europe and Erasmus+, authorities in PNRR and the regional programme, border regions in Interreg).
 * From a generator of its own, seeded with `seed`, so that it never moves the rows before it.
 */
export function generateCompetences(seed: number, members: readonly SeedMember[], activity: ClusterActivity): SeedCompetence[] {
  const faker = new Faker({ locale: [base], seed });
  const topicOfGroup = new Map(activity.workingGroups.map((group) => [`${group.clusterId}:${group.id}`, WORKING_GROUPS.find((template) => template.name === group.name)?.topic]));
  const groupAreas = new Map<string, Set<CompetenceArea>>();
  for (const participant of activity.workingGroupMembers) {
    const area = AREA_OF_TOPIC[topicOfGroup.get(`${participant.clusterId}:${participant.workingGroupId}`) ?? 'startups'];
    if (!area) continue;
    const key = `${participant.clusterId}:${participant.memberId}`;
    groupAreas.set(key, (groupAreas.get(key) ?? new Set()).add(area));
  }
  return members.flatMap((member) => {
    const areas = drawAreas(faker, member, groupAreas.get(`${member.clusterId}:${member.id}`) ?? new Set());
    const certifications = drawCertifications(faker, member, areas);
    const programmes = drawProgrammes(faker, member, areas);
    return [
      ...inListOrder('AREA', areas).map((code) => ({ clusterId: member.clusterId, memberId: member.id, kind: 'AREA' as const, code })),
      ...inListOrder('CERTIFICATION', certifications).map((code) => ({ clusterId: member.clusterId, memberId: member.id, kind: 'CERTIFICATION' as const, code })),
      ...inListOrder('PROGRAMME', programmes).map((code) => ({ clusterId: member.clusterId, memberId: member.id, kind: 'PROGRAMME' as const, code })),
    ];
  });
}

function drawAreas(faker: Faker, member: SeedMember, fromGroups: ReadonlySet<CompetenceArea>): Set<CompetenceArea> {
  const profile = AREA_PROFILE[member.kind];
  const areas = new Set<CompetenceArea>();
  const wanted = faker.number.int({ min: profile.count[0], max: profile.count[1] });
  const choices = Object.entries(profile.weights).map(([value, weight]) => ({ value: value as CompetenceArea, weight }));
  for (let attempt = 0; areas.size < wanted && attempt < 20; attempt++) areas.add(faker.helpers.weightedArrayElement(choices));
  // A working group is joined for what a member does, most of the time.
  for (const area of fromGroups) if (faker.datatype.boolean({ probability: 0.7 })) areas.add(area);
  return areas;
}

function drawCertifications(faker: Faker, member: SeedMember, areas: ReadonlySet<CompetenceArea>): Certification[] {
  const held: Certification[] = [];
  const maybe = (certification: Certification, probability: number) => {
    if (faker.datatype.boolean({ probability: Math.min(1, probability) })) held.push(certification);
  };
  if (COMPANIES.includes(member.kind)) {
    const size = member.employees >= 250 ? 'large' : member.employees >= 50 ? 'medium' : member.employees >= 10 ? 'small' : 'micro';
    const securityWork = areas.has('CYBERSECURITY') || areas.has('FINTECH') || areas.has('CLOUD');
    maybe('ISO_9001', { large: 0.9, medium: 0.7, small: 0.4, micro: 0.1 }[size]);
    maybe('ISO_27001', { large: 0.7, medium: 0.45, small: 0.2, micro: 0.04 }[size] * (securityWork ? 1.5 : 1));
    maybe('ISO_14001', { large: 0.45, medium: 0.15, small: 0.05, micro: 0 }[size]);
    maybe('CMMI', { large: 0.3, medium: 0.12, small: 0.03, micro: 0 }[size]);
    if (areas.has('EMBEDDED_AUTOMOTIVE')) {
      maybe('TISAX', { large: 0.8, medium: 0.5, small: 0.25, micro: 0.05 }[size]);
      maybe('ASPICE', { large: 0.6, medium: 0.35, small: 0.15, micro: 0 }[size]);
    }
    if (areas.has('HEALTH')) maybe('ISO_13485', { large: 0.5, medium: 0.3, small: 0.15, micro: 0.05 }[size]);
  } else if (member.kind === MemberKind.UNIVERSITY || member.kind === MemberKind.RESEARCH_INSTITUTE || member.kind === MemberKind.PUBLIC_AUTHORITY) {
    maybe('ISO_9001', 0.6);
    if (member.kind === MemberKind.PUBLIC_AUTHORITY) maybe('ISO_27001', 0.25);
  } else {
    maybe('ISO_9001', 0.15);
  }
  return held;
}

function drawProgrammes(faker: Faker, member: SeedMember, areas: ReadonlySet<CompetenceArea>): FundingProgramme[] {
  const taken: FundingProgramme[] = [];
  const maybe = (programme: FundingProgramme, probability: number) => {
    if (faker.datatype.boolean({ probability: Math.min(1, probability) })) taken.push(programme);
  };
  const border = BORDER_REGIONS.has(regionOfCity(member.city) ?? '');
  const digital = areas.has('AI_DATA') || areas.has('CYBERSECURITY') || areas.has('CLOUD');
  switch (member.kind) {
    case MemberKind.UNIVERSITY:
      maybe('HORIZON_EUROPE', 0.9); maybe('ERASMUS_PLUS', 0.95); maybe('PNRR', 0.7); maybe('DIGITAL_EUROPE', 0.35); maybe('INTERREG', border ? 0.6 : 0.2); maybe('EEA_GRANTS', 0.3);
      break;
    case MemberKind.RESEARCH_INSTITUTE:
      maybe('HORIZON_EUROPE', 0.85); maybe('PNRR', 0.6); maybe('DIGITAL_EUROPE', 0.3); maybe('INTERREG', border ? 0.4 : 0.1); maybe('EEA_GRANTS', 0.25);
      break;
    case MemberKind.PUBLIC_AUTHORITY:
      maybe('PNRR', 0.9); maybe('REGIONAL_PROGRAMME', 0.9); maybe('INTERREG', border ? 0.7 : 0.2); maybe('DIGITAL_EUROPE', 0.15);
      break;
    case MemberKind.LARGE_ENTERPRISE:
      maybe('HORIZON_EUROPE', 0.5); maybe('DIGITAL_EUROPE', digital ? 0.4 : 0.15); maybe('PNRR', 0.5); maybe('REGIONAL_PROGRAMME', 0.2);
      break;
    case MemberKind.SME:
      maybe('PNRR', 0.35); maybe('REGIONAL_PROGRAMME', 0.3); maybe('HORIZON_EUROPE', digital ? 0.14 : 0.06); maybe('DIGITAL_EUROPE', digital ? 0.16 : 0.05); maybe('INTERREG', border ? 0.08 : 0.02);
      break;
    case MemberKind.STARTUP:
      maybe('REGIONAL_PROGRAMME', 0.2); maybe('PNRR', 0.15); maybe('HORIZON_EUROPE', 0.05); maybe('DIGITAL_EUROPE', digital ? 0.06 : 0.02);
      break;
    case MemberKind.CATALYST:
      maybe('INTERREG', border ? 0.7 : 0.35); maybe('REGIONAL_PROGRAMME', 0.5); maybe('ERASMUS_PLUS', 0.4); maybe('DIGITAL_EUROPE', 0.3); maybe('EEA_GRANTS', 0.2);
      break;
    case MemberKind.COMMUNITY:
      maybe('ERASMUS_PLUS', 0.5); maybe('EEA_GRANTS', 0.2);
      break;
  }
  return taken;
}
