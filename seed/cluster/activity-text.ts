import type { Faker } from '@faker-js/faker';
import { AssemblyKind, InitiativeStatus } from '../../subgraphs/cluster/src/governance/governance-enums';
import { formatEur, type BoardTerm, type ClusterSetting } from './activity-context';
import type { Directory } from './generate-people';
import { spelledDate, yearOf } from './seed-dates';
import type { CoreProject, SeedInitiative } from './seed-rows';

/** The cluster's own records, written the way a Romanian association writes them. */

function nameOf(directory: Directory, personId: number): string {
  return directory.people.find((person) => person.id === personId)?.name ?? `persoana ${personId}`;
}

function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}

/** `5 membri`, `22 de membri`: Romanian puts `de` after numbers ending in 20–99 or 00. */
function counted(count: number, plural: string): string {
  const rest = count % 100;
  return `${count} ${rest === 0 || rest >= 20 ? 'de ' : ''}${plural}`;
}

/** `unui membru nou` / `a 22 de membri noi`: the genitive that follows `aderării`. */
export function ofNewMembers(count: number): string {
  return count === 1 ? 'unui membru nou' : `a ${counted(count, 'membri noi')}`;
}

function boardList(setting: ClusterSetting, directory: Directory, term: BoardTerm): string {
  return term.seats
    .map((seat) => {
      const member = setting.memberById.get(seat.memberId)?.name ?? '';
      return `${nameOf(directory, seat.personId)} (${member})${seat.president ? ', președinte' : ''}`;
    })
    .join('; ');
}

export interface AssemblyFacts {
  setting: ClusterSetting;
  directory: Directory;
  heldOn: string;
  kind: AssemblyKind;
  founding: boolean;
  membersPresent: number;
  elected: BoardTerm | undefined;
  projects: readonly CoreProject[];
}

/** The resolutions an assembly adopted: the founding, the yearly reports and budget, elections. */
export function assemblyResolutions(faker: Faker, facts: AssemblyFacts): string {
  const { setting, directory, heldOn, elected } = facts;
  const year = yearOf(heldOn);
  const term = `${year}–${year + 2}`;
  if (facts.founding) {
    const director = directory.executiveDirectors[0];
    return numbered([
      `Constituirea asociației ${setting.cluster.name} de către ${counted(facts.membersPresent, 'membri fondatori')} și aprobarea statutului.`,
      'Aprobarea cotizațiilor anuale ale membrilor.',
      ...(elected ? [`Alegerea primului Consiliu Director, pentru mandatul ${term}: ${boardList(setting, directory, elected)}.`] : []),
      ...(director ? [`Numirea directorului executiv: ${nameOf(directory, director.personId)}.`] : []),
    ]);
  }
  if (facts.kind === AssemblyKind.EXTRAORDINARY) {
    const project = facts.projects.find((candidate) => candidate.clusterId === setting.cluster.id && yearOf(candidate.startedOn) === year + 1);
    const options = [
      'Modificarea statutului pentru primirea de membri asociați, fără drept de vot.',
      `Actualizarea grilei de cotizații începând cu anul ${year + 1}.`,
      'Aprobarea unui credit-punte pentru cofinanțarea proiectelor europene.',
      `Mutarea sediului social al asociației în municipiul ${setting.cluster.city}.`,
      `Aprobarea strategiei de dezvoltare a clusterului pentru perioada ${year + 1}–${year + 5}.`,
      ...(project ? [`Aprobarea participării clusterului la proiectul „${project.title}”.`] : []),
    ];
    return numbered(faker.helpers.arrayElements(options, { min: 1, max: 2 }));
  }
  const joined = setting.members.filter((member) => yearOf(member.joinedOn) === year - 1).length;
  return numbered([
    `Aprobarea raportului de activitate și a situațiilor financiare pe anul ${year - 1}.`,
    `Aprobarea bugetului de venituri și cheltuieli și a planului operațional pe anul ${year}.`,
    ...(joined > 0 ? [`Validarea aderării ${ofNewMembers(joined)} în anul ${year - 1}.`] : []),
    ...(elected
      ? [
          `Descărcarea de gestiune a Consiliului Director pentru mandatul ${year - 2}–${year}.`,
          `Alegerea Consiliului Director pentru mandatul ${term}: ${boardList(setting, directory, elected)}.`,
        ]
      : []),
  ]);
}

export interface MeetingFacts {
  clusterName: string;
  heldOn: string;
  seats: number;
  chair: string;
  delegated: boolean;
  agenda: readonly string[];
  decisions: readonly SeedInitiative[];
  nextMeeting: string | undefined;
}

/** The minutes of a board meeting: who chaired, the agenda, the decisions, the next date. */
export function meetingMinutes(faker: Faker, facts: MeetingFacts): string {
  const present = facts.seats - faker.number.int({ min: 0, max: 2 });
  const decisions = facts.decisions.length === 0
    ? ['Nu au fost supuse la vot inițiative.']
    : facts.decisions.map((initiative) => `Inițiativa „${initiative.title}” a fost ${initiative.status === InitiativeStatus.APPROVED ? 'aprobată' : 'respinsă'}.`);
  return [
    `Ședința Consiliului Director al ${facts.clusterName} din ${spelledDate(facts.heldOn)}.`,
    `Prezenți: ${present} din ${facts.seats} membri ai consiliului. Ședința a fost condusă de ${facts.chair}${facts.delegated ? ', director executiv, prin delegare de la președinte' : ', președinte'}.`,
    'Ordinea de zi:',
    numbered(facts.agenda),
    'Decizii:',
    ...decisions.map((line) => `- ${line}`),
    ...(facts.nextMeeting ? [`Următoarea ședință: ${spelledDate(facts.nextMeeting)}.`] : []),
  ].join('\n');
}

export function initiativeDescription(why: string, proposer: string, workingGroup: string | undefined): string {
  return `${why} Inițiativa este propusă de ${proposer}${workingGroup ? ` și susținută de grupul de lucru ${workingGroup}` : ''}.`;
}

export interface ProjectFacts {
  aim: string | undefined;
  lead: string;
  partners: number;
  foreignPartners: number;
  budgetEur: number;
  underNda: boolean;
}

export function projectDescription(facts: ProjectFacts): string {
  let partners = facts.partners === 1 ? 'un partener' : `${facts.partners} parteneri`;
  if (facts.partners === 1 && facts.foreignPartners === 1) partners += ' din alt cluster';
  else if (facts.foreignPartners === facts.partners) partners += ', toți din alte clustere';
  else if (facts.foreignPartners === 1) partners += ', unul dintre ei din alt cluster';
  else if (facts.foreignPartners > 1) partners += `, ${facts.foreignPartners} dintre ei din alte clustere`;
  return [
    facts.aim ? `Obiectiv: ${facts.aim}.` : '',
    `Coordonator: ${facts.lead}, împreună cu ${partners}.`,
    `Buget total: ${formatEur(facts.budgetEur)} EUR.`,
    facts.underNda ? 'Detaliile tehnice sunt confidențiale: toți participanții au semnat un acord de confidențialitate.' : '',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

export function engagementResources(personDays: number, what: string, cashEur: number): string {
  return `${personDays} zile-om: ${what}${cashEur > 0 ? `; cofinanțare în numerar de ${formatEur(cashEur)} EUR` : ''}`;
}
