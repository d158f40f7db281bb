import type { Faker } from '@faker-js/faker';
import { AssemblyKind } from '../../subgraphs/cluster/src/governance/governance-enums';
import { MemberKind } from '../../subgraphs/cluster/src/member/member-kind';
import { PersonRoleKind } from '../../subgraphs/cluster/src/person/person-role';
import { isActiveOn, numberByDate, votedOn, weightedSample, type BoardTerm, type ClusterSetting, type RoleDraft, type Seat } from './activity-context';
import { assemblyResolutions } from './activity-text';
import { steadyRepresentative, type Directory } from './generate-people';
import { addMonths, dateBetween, isoDate, TODAY, yearOf } from './seed-dates';
import type { CoreProject, SeedGeneralAssembly, SeedMember } from './seed-rows';

export interface Governance {
  assemblies: SeedGeneralAssembly[];
  terms: BoardTerm[];
  roles: RoleDraft[];
}

/** Who tends to get elected: larger companies and universities more than startups or communities. */
const SEAT_WEIGHT: Readonly<Record<MemberKind, number>> = {
  [MemberKind.LARGE_ENTERPRISE]: 5,
  [MemberKind.UNIVERSITY]: 4,
  [MemberKind.SME]: 3,
  [MemberKind.RESEARCH_INSTITUTE]: 2,
  [MemberKind.CATALYST]: 1.5,
  [MemberKind.STARTUP]: 1,
  [MemberKind.PUBLIC_AUTHORITY]: 1,
  [MemberKind.COMMUNITY]: 0.5,
};

/**
 * General Assemblies (an ordinary one every spring since the founding, now and then an
 * extraordinary one in the autumn) and the boards they elect every two years: a president and
 * five to nine directors, each the steady representative of a member in good standing for the
 * whole term. Presidents are often re-elected once; about half the directors stay on.
 */
export function generateGovernance(faker: Faker, setting: ClusterSetting, directory: Directory, projects: readonly CoreProject[]): Governance {
  const foundingYear = yearOf(setting.foundedOn);
  const drafts: Array<{ heldOn: string; kind: AssemblyKind; elects: boolean }> = [];
  for (let year = foundingYear; year <= 2026; year++) {
    const heldOn = year === foundingYear ? setting.foundedOn : dateBetween(faker, isoDate(year, 3, 15), isoDate(year, 5, 31));
    drafts.push({ heldOn, kind: AssemblyKind.ORDINARY, elects: (year - foundingYear) % 2 === 0 });
    if (year > foundingYear && faker.datatype.boolean({ probability: 0.25 })) {
      drafts.push({ heldOn: dateBetween(faker, isoDate(year, 9, 10), year === 2026 ? '2026-11-13' : isoDate(year, 12, 10)), kind: AssemblyKind.EXTRAORDINARY, elects: false });
    }
  }
  const numbered = numberByDate(drafts, (draft) => draft.heldOn);
  const elections = numbered.filter((draft) => draft.elects);

  const terms: BoardTerm[] = [];
  for (const [index, election] of elections.entries()) {
    const replacedOn = elections[index + 1]?.heldOn ?? null;
    const seats = electBoard(faker, setting, directory, election.heldOn, replacedOn ?? TODAY, terms.at(-1), terms.at(-2));
    terms.push({
      board: { clusterId: setting.cluster.id, id: index + 1, electedAtAssemblyId: election.id, termStart: election.heldOn, termEnd: addMonths(election.heldOn, 24) },
      seats,
      replacedOn,
    });
  }

  const assemblies = numbered.map((draft) => {
    const voters = setting.members.filter((member) => votedOn(member, draft.heldOn)).length;
    const founding = draft.heldOn === setting.foundedOn;
    const membersPresent = founding ? voters : Math.max(1, Math.round(voters * faker.number.float({ min: 0.45, max: 0.85 })));
    const votesCast = membersPresent - faker.number.int({ min: 0, max: Math.min(3, membersPresent - 1) });
    const elected = terms.find((term) => term.board.electedAtAssemblyId === draft.id);
    return {
      clusterId: setting.cluster.id,
      id: draft.id,
      heldOn: draft.heldOn,
      kind: draft.kind,
      membersPresent,
      votesCast,
      resolutions: assemblyResolutions(faker, { setting, directory, heldOn: draft.heldOn, kind: draft.kind, founding, membersPresent, elected, projects }),
    };
  });

  const roles: RoleDraft[] = terms.flatMap((term) =>
    term.seats.map((seat) => ({
      personId: seat.personId,
      role: seat.president ? PersonRoleKind.PRESIDENT : PersonRoleKind.BOARD_DIRECTOR,
      since: term.board.termStart,
      until: term.replacedOn,
      memberId: null,
      boardId: term.board.id,
      workingGroupId: null,
    })),
  );
  return { assemblies, terms, roles };
}

function electBoard(
  faker: Faker,
  setting: ClusterSetting,
  directory: Directory,
  termStart: string,
  termEnd: string,
  previous: BoardTerm | undefined,
  beforePrevious: BoardTerm | undefined,
): Seat[] {
  const seatOf = new Map<number, number>();
  for (const member of setting.members) {
    if (!votedOn(member, termStart) || !isActiveOn(member, termEnd)) continue;
    const personId = steadyRepresentative(directory, member.id, termStart, termEnd);
    if (personId !== undefined) seatOf.set(member.id, personId);
  }
  const eligible = setting.members.filter((member) => seatOf.has(member.id));
  const stillEligible = (memberId: number | undefined) => eligible.find((member) => member.id === memberId);

  const lastPresident = previous?.seats.find((seat) => seat.president)?.memberId;
  const twoTerms = lastPresident !== undefined && beforePrevious?.seats.find((seat) => seat.president)?.memberId === lastPresident;
  const formerDirectors = (previous?.seats ?? []).filter((seat) => !seat.president).map((seat) => stillEligible(seat.memberId)).filter((member) => member !== undefined);
  let president: SeedMember | undefined;
  if (!twoTerms && faker.datatype.boolean({ probability: 0.6 })) president = stillEligible(lastPresident);
  if (!president && formerDirectors.length > 0 && faker.datatype.boolean({ probability: 0.7 })) president = faker.helpers.arrayElement(formerDirectors);
  president ??= weightedSample(faker, eligible, 1, (member) => SEAT_WEIGHT[member.kind])[0];
  if (!president) throw new RangeError(`${setting.cluster.id}: nobody can sit on the board of ${termStart}`);

  const size = Math.min(faker.number.int({ min: 5, max: 9 }), eligible.length - 1);
  const directors = formerDirectors.filter((member) => member.id !== president.id && faker.datatype.boolean({ probability: 0.55 })).slice(0, size);
  const taken = new Set([president.id, ...directors.map((member) => member.id)]);
  const pool = eligible.filter((member) => !taken.has(member.id));
  directors.push(...weightedSample(faker, pool, size - directors.length, (member) => SEAT_WEIGHT[member.kind]));
  return [president, ...directors.sort((a, b) => a.id - b.id)].map((member) => ({
    personId: seatOf.get(member.id)!,
    memberId: member.id,
    president: member.id === president.id,
  }));
}
