import type { Faker } from '@faker-js/faker';
import { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import { PersonRoleKind } from '../../subgraphs/cluster/src/person/person-role';
import { WORKING_GROUPS, type WorkingGroupTemplate } from './activity-catalog';
import { numberByDate, weightedSample, type BoardTerm, type ClusterSetting, type RoleDraft } from './activity-context';
import { subjectOf } from './project-subjects';
import { addMonths, dateBetween, maxDate, minDate, TODAY } from './seed-dates';
import type { CoreProject, SeedWorkingGroup, SeedWorkingGroupMember } from './seed-rows';

export interface PlannedGroup {
  row: SeedWorkingGroup;
  template: WorkingGroupTemplate;
  /** Members taking part, by id. */
  participants: ReadonlySet<number>;
}

export interface WorkingGroups {
  groups: PlannedGroup[];
  participants: SeedWorkingGroupMember[];
  roles: RoleDraft[];
}

/**
 * Four to eight working groups, their topics drawn with a preference for what the cluster's
 * projects are about; the first two formed in the cluster's first year. Each is coordinated by one
 * or two directors of the board in office (kept on when re-elected, otherwise handed to the
 * director coordinating least), and joined by five to twenty-five members of the cluster.
 */
export function generateWorkingGroups(faker: Faker, setting: ClusterSetting, terms: readonly BoardTerm[], projects: readonly CoreProject[]): WorkingGroups {
  const clusterId = setting.cluster.id;
  const topics = projects.filter((project) => project.clusterId === clusterId).map((project) => subjectOf(project.title)?.topic);
  const templates = weightedSample(faker, WORKING_GROUPS, faker.number.int({ min: 4, max: 8 }), (template) => 1 + topics.filter((topic) => topic === template.topic).length);
  const planned = numberByDate(
    templates.map((template, index) => ({
      template,
      formedOn: index < 2
        ? dateBetween(faker, addMonths(setting.foundedOn, 2), addMonths(setting.foundedOn, 14))
        : dateBetween(faker, addMonths(setting.foundedOn, 6), '2025-06-30'),
    })),
    (group) => group.formedOn,
  );

  const roles: RoleDraft[] = [];
  const participants: SeedWorkingGroupMember[] = [];
  const groups: PlannedGroup[] = [];
  const load = new Map<string, number>();
  for (const { id, template, formedOn } of planned) {
    const wanted = faker.number.int({ min: 1, max: 2 });
    const coordinatorMembers = new Set<number>();
    let current: Array<{ personId: number; since: string }> = [];
    const close = (until: string | null) => (coordinator: { personId: number; since: string }) =>
      roles.push({ personId: coordinator.personId, role: PersonRoleKind.WORKING_GROUP_COORDINATOR, since: coordinator.since, until, memberId: null, boardId: null, workingGroupId: id });
    for (const term of terms) {
      if (term.replacedOn !== null && term.replacedOn <= formedOn) continue;
      const directors = term.seats.filter((seat) => !seat.president);
      const kept = current.filter((coordinator) => directors.some((seat) => seat.personId === coordinator.personId) && faker.datatype.boolean({ probability: 0.8 }));
      current.filter((coordinator) => !kept.includes(coordinator)).forEach(close(term.board.termStart));
      const busy = (personId: number) => load.get(`${term.board.id}:${personId}`) ?? 0;
      const fresh = faker.helpers
        .shuffle(directors.filter((seat) => !kept.some((coordinator) => coordinator.personId === seat.personId)))
        .sort((a, b) => busy(a.personId) - busy(b.personId))
        .slice(0, wanted - kept.length)
        .map((seat) => ({ personId: seat.personId, since: maxDate(formedOn, term.board.termStart) }));
      current = [...kept, ...fresh];
      for (const coordinator of current) {
        load.set(`${term.board.id}:${coordinator.personId}`, busy(coordinator.personId) + 1);
        const seat = directors.find((candidate) => candidate.personId === coordinator.personId);
        if (seat) coordinatorMembers.add(seat.memberId);
      }
    }
    current.forEach(close(terms.at(-1)?.replacedOn ?? null));

    // The coordinators' organisations take part from the start; others join over the years.
    const others = setting.members.filter((member) => member.membershipStatus !== MembershipStatus.LEFT && !coordinatorMembers.has(member.id));
    const joining = faker.helpers.arrayElements(others, Math.max(0, faker.number.int({ min: 5, max: 25 }) - coordinatorMembers.size));
    const rows = [...coordinatorMembers].map((memberId) => ({ memberId, early: true })).concat(joining.map((member) => ({ memberId: member.id, early: false })));
    for (const { memberId, early } of rows.sort((a, b) => a.memberId - b.memberId)) {
      const start = maxDate(formedOn, setting.memberById.get(memberId)!.joinedOn);
      const joinedOn = early || faker.datatype.boolean({ probability: 0.4 }) ? start : dateBetween(faker, start, minDate(TODAY, addMonths(start, 30)));
      participants.push({ clusterId, workingGroupId: id, memberId, joinedOn });
    }
    groups.push({
      row: { clusterId, id, name: template.name, objective: template.objective, formedOn },
      template,
      participants: new Set(rows.map((row) => row.memberId)),
    });
  }
  return { groups, participants, roles };
}

/** The groups that existed on `date`. */
export function groupsFormedBy(groups: readonly PlannedGroup[], date: string): PlannedGroup[] {
  return groups.filter((group) => group.row.formedOn <= date);
}
