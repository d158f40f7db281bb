import { Faker, ro, en, base } from '@faker-js/faker';
import type { FoundingCluster } from '../../shared/network-catalog';
import { memberKey, numberByDate, type ClusterSetting, type RoleDraft } from './activity-context';
import { generateBoardBusiness } from './generate-board-business';
import { generateEvents } from './generate-events';
import { generateGovernance } from './generate-governance';
import { generateKpis } from './generate-kpis';
import { firstParticipation, foundingDay, generateFees, generateMemberships } from './generate-membership';
import { generatePeople } from './generate-people';
import { detailProjects, generateEngagements } from './generate-project-activity';
import { generateServices } from './generate-services';
import { generateWorkingGroups } from './generate-working-groups';
import type { ClusterActivity, ClusterData, CoreMember, CoreProject, SeedMember, SeedPersonRole, SeedProject } from './seed-rows';

/**
 * The clusters' activity over the given members and projects, from its own generator (`seed`).
 * Memberships come first for the whole network, because registrations and engagements name
 * members of other clusters; then each cluster in catalog order: people, governance, working
 * groups, projects' details and engagements, services, events, the board's business and KPIs.
 */
export function generateActivity(
  seed: number,
  clusters: readonly FoundingCluster[],
  coreMembers: readonly CoreMember[],
  coreProjects: readonly CoreProject[],
): Required<Omit<ClusterData, 'competences'>> {
  const faker = new Faker({ locale: [ro, en, base], seed });
  const participation = firstParticipation(coreProjects);
  const settings: ClusterSetting[] = clusters.map((cluster) => {
    const foundedOn = foundingDay(faker);
    const own = coreMembers.filter((member) => member.clusterId === cluster.id);
    const members = generateMemberships(faker, cluster, foundedOn, own, coreProjects, participation);
    return { cluster, foundedOn, members, memberById: new Map(members.map((member) => [member.id, member])) };
  });
  const everyone = new Map<string, SeedMember>(settings.flatMap((setting) => setting.members.map((member) => [memberKey(member.clusterId, member.id), member])));

  const activity: ClusterActivity = {
    membershipFees: [], people: [], personRoles: [], generalAssemblies: [], boards: [], boardMeetings: [], initiatives: [], kpis: [],
    workingGroups: [], workingGroupMembers: [], engagements: [], services: [], serviceRequests: [], events: [], eventRegistrations: [],
  };
  const projects: SeedProject[] = [];
  for (const setting of settings) {
    const clusterId = setting.cluster.id;
    const ownProjects = coreProjects.filter((project) => project.clusterId === clusterId);
    activity.membershipFees.push(...generateFees(faker, setting.members));
    const directory = generatePeople(faker, setting);
    const governance = generateGovernance(faker, setting, directory, ownProjects);
    const groups = generateWorkingGroups(faker, setting, governance.terms, ownProjects);
    const detailed = detailProjects(faker, setting, ownProjects, groups.groups);
    const engagements = generateEngagements(faker, detailed, everyone);
    const services = generateServices(faker, setting);
    const foreign = settings.filter((other) => other !== setting).flatMap((other) => other.members);
    const events = generateEvents(faker, setting, groups.groups, foreign);
    const business = generateBoardBusiness(faker, { setting, directory, terms: governance.terms, groups: groups.groups, projects: detailed, events: events.events });
    const kpis = generateKpis(faker, { setting, directory, projects: detailed, events: events.events, services: services.services, requests: services.requests });

    projects.push(...detailed);
    activity.people.push(...directory.people);
    activity.personRoles.push(...numberRoles(clusterId, [...directory.roles, ...governance.roles, ...groups.roles]));
    activity.generalAssemblies.push(...governance.assemblies);
    activity.boards.push(...governance.terms.map((term) => term.board));
    activity.boardMeetings.push(...business.meetings);
    activity.initiatives.push(...business.initiatives);
    activity.kpis.push(...kpis);
    activity.workingGroups.push(...groups.groups.map((group) => group.row));
    activity.workingGroupMembers.push(...groups.participants);
    activity.engagements.push(...engagements);
    activity.services.push(...services.services);
    activity.serviceRequests.push(...services.requests);
    activity.events.push(...events.events);
    activity.eventRegistrations.push(...events.registrations);
  }
  return { members: settings.flatMap((setting) => [...setting.members]), projects, activity };
}

/** A cluster's roles, numbered in the order they began. */
function numberRoles(clusterId: string, roles: readonly RoleDraft[]): SeedPersonRole[] {
  return numberByDate(roles, (role) => role.since).map((role) => ({ clusterId, ...role }));
}
