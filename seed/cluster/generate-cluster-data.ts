import { Faker, ro, en, base } from '@faker-js/faker';
import type { FoundingCluster } from '../../shared/network-catalog';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import { ProjectStatus } from '../../subgraphs/cluster/src/project/project-status';
import { generateActivity } from './generate-activity-data';
import { generateCompetences } from './generate-competences';
import { PROJECT_SUBJECTS } from './project-subjects';
import type { ClusterData, CoreMember, CoreProject, SeedPartner } from './seed-rows';

export type {
  ClusterActivity, ClusterData, SeedBoard, SeedBoardMeeting, SeedEngagement, SeedEvent, SeedEventRegistration, SeedGeneralAssembly,
  SeedInitiative, SeedKpi, SeedMember, SeedMembershipFee, SeedPartner, SeedPerson, SeedPersonRole, SeedProject, SeedService,
  SeedServiceRequest, SeedWorkingGroup, SeedWorkingGroupMember,
} from './seed-rows';

export interface EmployeeTarget {
  min: number;
  max: number;
}

/** SMEs by the EU definition, micro-enterprises included. */
const SME_EMPLOYEES = { min: 1, max: 249 };

/**
 * The whole network's cluster-owned rows, generated from one random seed. Pure: the same seed and
 * catalog give the same rows, whichever backend they are written to and whichever clusters a
 * database keeps. Projects take partners from other clusters, so generation is network-wide.
 *
 * Members and projects come first, from a generator of their own; the clusters' activity (and the
 * members' and projects' columns that describe it) comes after, from a second generator seeded
 * with `seed + 1`; the members' competences last, from a third seeded with `seed + 2`. Adding to the
 * activity therefore never moves a member or a project, nor competences anything before them.
 */
export function generateClusterData(
  seed: number,
  clusters: readonly FoundingCluster[],
  employeeTarget: EmployeeTarget,
): Required<ClusterData> {
  const faker = new Faker({ locale: [ro, en, base], seed });
  const members: CoreMember[] = [];
  for (const cluster of clusters) members.push(...generateMembers(faker, cluster));
  fitCompanyEmployees(faker, members, employeeTarget);
  const projects = clusters.flatMap((cluster) => generateProjects(faker, cluster, members));
  const data = generateActivity(seed + 1, clusters, members, projects);
  return { ...data, competences: generateCompetences(seed + 2, data.members, data.activity) };
}

function generateMembers(faker: Faker, cluster: FoundingCluster): CoreMember[] {
  const large = Math.max(1, Math.round(cluster.companies * 0.025));
  const startups = Math.round(cluster.companies * 0.26);
  const smes = cluster.companies - large - startups;
  const plan: Array<[MemberKind, number]> = [
    [MemberKind.LARGE_ENTERPRISE, large],
    [MemberKind.SME, smes],
    [MemberKind.STARTUP, startups],
    [MemberKind.UNIVERSITY, faker.number.int({ min: 1, max: 3 })],
    [MemberKind.RESEARCH_INSTITUTE, faker.number.int({ min: 0, max: 2 })],
    [MemberKind.PUBLIC_AUTHORITY, faker.number.int({ min: 1, max: 2 })],
    [MemberKind.CATALYST, faker.number.int({ min: 1, max: 3 })],
    [MemberKind.COMMUNITY, faker.number.int({ min: 1, max: 2 })],
  ];
  const names = new Set<string>();
  const members: CoreMember[] = [];
  for (const [kind, count] of plan) {
    for (let i = 0; i < count; i++) {
      const city = faker.datatype.boolean({ probability: 0.72 }) ? cluster.city : faker.helpers.arrayElement(cluster.towns);
      let name = memberName(faker, kind, city);
      for (let attempt = 1; names.has(name); attempt++) {
        name = attempt < 5 ? memberName(faker, kind, city) : `${memberName(faker, kind, city)} ${attempt - 3}`;
      }
      names.add(name);
      members.push({
        clusterId: cluster.id,
        id: 0,
        name,
        kind,
        employees: employeesOf(faker, kind),
        city,
        founded: foundedOf(faker, kind),
      });
    }
  }
  // Local ids follow the order in which members joined, not their kind.
  faker.helpers.shuffle(members, { inplace: true }).forEach((member, index) => (member.id = index + 1));
  return members.sort((a, b) => a.id - b.id);
}

const TECH_WORDS = ['Software', 'Digital', 'Systems', 'Tech', 'Labs', 'Solutions', 'Data', 'Cloud', 'Consulting', 'IT'];
const STARTUP_STEMS = ['Nova', 'Arca', 'Zeta', 'Lumo', 'Terra', 'Orbi', 'Cogni', 'Flux', 'Kairo', 'Vita', 'Silva', 'Dacia', 'Carpa', 'Olt', 'Argo', 'Brio', 'Codru', 'Iris', 'Mira', 'Pix'];
const INSTITUTE_TOPICS = ['Informatică', 'Microtehnologie', 'Inginerie Electrică', 'Tehnologii Izotopice și Moleculare', 'Automatizări'];
const COMMUNITY_NAMES = ['Tech Community', 'Comunitatea Dezvoltatorilor', 'Women in Tech', 'Asociația Tinerilor Programatori', 'Hub de Inovare'];

function memberName(faker: Faker, kind: MemberKind, city: string): string {
  switch (kind) {
    case MemberKind.STARTUP:
      return `${faker.helpers.arrayElement(STARTUP_STEMS)}${faker.helpers.arrayElement(['ly', 'io', 'ify', 'wise', 'soft', 'ra'])} ${faker.helpers.arrayElement(TECH_WORDS)} SRL`;
    case MemberKind.SME:
      return `${faker.person.lastName()} ${faker.helpers.arrayElement(TECH_WORDS)} SRL`;
    case MemberKind.LARGE_ENTERPRISE:
      return `${faker.person.lastName()} ${faker.helpers.arrayElement(['Group', 'Technologies', 'Industries', 'Systems'])} SA`;
    case MemberKind.UNIVERSITY:
      return `Universitatea ${faker.helpers.arrayElement(['Tehnică', 'de Vest', 'Politehnica', 'de Științe Aplicate', 'Populară'])} din ${city}`;
    case MemberKind.RESEARCH_INSTITUTE:
      return `Institutul Național de Cercetare-Dezvoltare pentru ${faker.helpers.arrayElement(INSTITUTE_TOPICS)} ${city}`;
    case MemberKind.PUBLIC_AUTHORITY:
      return faker.helpers.arrayElement([`Primăria Municipiului ${city}`, `Consiliul Județean ${city}`, `Agenția Locală de Dezvoltare ${city}`]);
    case MemberKind.CATALYST:
      return faker.helpers.arrayElement([`Camera de Comerț și Industrie ${city}`, `Parcul Tehnologic ${city}`, `Incubatorul de Afaceri ${city}`, `Fundația Antreprenorială ${city}`]);
    case MemberKind.COMMUNITY:
      return `${faker.helpers.arrayElement(COMMUNITY_NAMES)} ${city}`;
  }
}

function employeesOf(faker: Faker, kind: MemberKind): number {
  switch (kind) {
    case MemberKind.STARTUP:
      return faker.number.int({ min: 2, max: 24 });
    case MemberKind.SME:
      // Most SMEs in the network are small: a skewed draw between 1 and 249.
      return Math.round(SME_EMPLOYEES.min + (SME_EMPLOYEES.max - SME_EMPLOYEES.min) * faker.number.float() ** 8.5);
    case MemberKind.LARGE_ENTERPRISE:
      return faker.number.int({ min: 250, max: 750 });
    case MemberKind.UNIVERSITY:
      return faker.number.int({ min: 600, max: 3500 });
    case MemberKind.RESEARCH_INSTITUTE:
      return faker.number.int({ min: 40, max: 400 });
    case MemberKind.PUBLIC_AUTHORITY:
      return faker.number.int({ min: 80, max: 900 });
    case MemberKind.CATALYST:
      return faker.number.int({ min: 3, max: 60 });
    case MemberKind.COMMUNITY:
      return faker.number.int({ min: 1, max: 12 });
  }
}

function foundedOf(faker: Faker, kind: MemberKind): number {
  switch (kind) {
    case MemberKind.STARTUP:
      return faker.number.int({ min: 2017, max: 2025 });
    case MemberKind.SME:
      return faker.number.int({ min: 1992, max: 2022 });
    case MemberKind.LARGE_ENTERPRISE:
      return faker.number.int({ min: 1990, max: 2012 });
    case MemberKind.UNIVERSITY:
      return faker.number.int({ min: 1919, max: 1995 });
    case MemberKind.RESEARCH_INSTITUTE:
      return faker.number.int({ min: 1950, max: 2000 });
    case MemberKind.PUBLIC_AUTHORITY:
      return faker.number.int({ min: 1990, max: 2010 });
    case MemberKind.CATALYST:
    case MemberKind.COMMUNITY:
      return faker.number.int({ min: 2000, max: 2023 });
  }
}

/**
 * Brings the companies' employees into the published range ("almost 20,000") by nudging SMEs one
 * employee at a time, within the SME size bounds, towards a seeded point of the range.
 */
function fitCompanyEmployees(faker: Faker, members: CoreMember[], target: EmployeeTarget): void {
  const goal = faker.number.int({ min: target.min + Math.floor((target.max - target.min) * 0.4), max: target.max - 50 });
  const smes = members.filter((member) => member.kind === MemberKind.SME);
  let total = members
    .filter((member) => member.kind === MemberKind.SME || member.kind === MemberKind.STARTUP || member.kind === MemberKind.LARGE_ENTERPRISE)
    .reduce((sum, member) => sum + member.employees, 0);
  const room = smes.reduce(
    (sum, sme) => sum + (total < goal ? SME_EMPLOYEES.max - sme.employees : sme.employees - SME_EMPLOYEES.min),
    0,
  );
  if (Math.abs(goal - total) > room) throw new RangeError(`cannot fit ${total} company employees to ${goal}`);
  for (let index = 0; total !== goal; index = (index + 1) % smes.length) {
    const sme = smes[index]!;
    const step = total < goal ? 1 : -1;
    const next = sme.employees + step;
    if (next >= SME_EMPLOYEES.min && next <= SME_EMPLOYEES.max) {
      sme.employees = next;
      total += step;
    }
  }
}

function generateProjects(faker: Faker, cluster: FoundingCluster, everyone: readonly CoreMember[]): CoreProject[] {
  const own = everyone.filter((member) => member.clusterId === cluster.id);
  const foreign = everyone.filter((member) => member.clusterId !== cluster.id);
  const leads = own.filter((member) => member.kind !== MemberKind.COMMUNITY);
  const count = Math.round(cluster.companies / 6) + 3;
  const projects: CoreProject[] = [];
  for (let id = 1; id <= count; id++) {
    const lead = faker.helpers.arrayElement(leads);
    const year = faker.number.int({ min: 2016, max: 2025 });
    const startedOn = `${year}-${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(faker.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    const status = year >= 2025 ? faker.helpers.arrayElement([ProjectStatus.PROPOSED, ProjectStatus.ACTIVE]) : year >= 2022 ? ProjectStatus.ACTIVE : ProjectStatus.COMPLETED;
    const partners = new Map<string, SeedPartner>();
    const partnerCount = faker.number.int({ min: 1, max: 5 });
    while (partners.size < partnerCount) {
      const pool = faker.datatype.boolean({ probability: 0.35 }) ? foreign : own;
      const member = faker.helpers.arrayElement(pool);
      if (member.clusterId === cluster.id && member.id === lead.id) continue;
      partners.set(`${member.clusterId}:${member.id}`, { clusterId: member.clusterId, memberId: member.id });
    }
    projects.push({
      clusterId: cluster.id,
      id,
      title: `${faker.helpers.arrayElement(PROJECT_SUBJECTS)} ${cluster.city} ${year}`,
      status,
      leadMemberId: lead.id,
      startedOn,
      budgetEur: faker.number.int({ min: 40, max: 2500 }) * 1000,
      partners: [...partners.values()],
    });
  }
  return projects;
}
