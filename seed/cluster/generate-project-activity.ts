import type { Faker } from '@faker-js/faker';
import { ProjectStatus } from '../../subgraphs/cluster/src/project/project-status';
import { dayRate, ENGAGEMENT_RESOURCES } from './activity-catalog';
import { kindGroup, memberKey, roundTo, type ClusterSetting } from './activity-context';
import { engagementResources, projectDescription } from './activity-text';
import { groupsFormedBy, type PlannedGroup } from './generate-working-groups';
import { subjectOf } from './project-subjects';
import { addDays, addMonths, maxDate, minDate, TODAY } from './seed-dates';
import type { CoreProject, SeedEngagement, SeedMember, SeedProject } from './seed-rows';

/**
 * A cluster's projects with what the first generator left open: the working group they came from
 * (the group of their subject when it existed by then, sometimes another), a description, the end
 * of completed ones, and confidentiality for about one in seven.
 */
export function detailProjects(faker: Faker, setting: ClusterSetting, projects: readonly CoreProject[], groups: readonly PlannedGroup[]): SeedProject[] {
  return projects.map((project) => {
    const subject = subjectOf(project.title);
    const existing = groupsFormedBy(groups, project.startedOn);
    const ofSubject = existing.find((group) => group.template.topic === subject?.topic);
    let group: PlannedGroup | undefined;
    if (ofSubject && faker.datatype.boolean({ probability: 0.85 })) group = ofSubject;
    else if (existing.length > 0 && faker.datatype.boolean({ probability: 0.4 })) group = faker.helpers.arrayElement(existing);
    const underNda = faker.datatype.boolean({ probability: 0.15 });
    const endsOn = project.status === ProjectStatus.COMPLETED
      ? maxDate(addMonths(project.startedOn, 6), minDate(addMonths(project.startedOn, faker.number.int({ min: 12, max: 48 })), '2025-12-31'))
      : null;
    return {
      ...project,
      description: projectDescription({
        aim: subject?.aim,
        lead: setting.memberById.get(project.leadMemberId)?.name ?? '',
        partners: project.partners.length,
        foreignPartners: project.partners.filter((partner) => partner.clusterId !== project.clusterId).length,
        budgetEur: project.budgetEur,
        underNda,
      }),
      endsOn,
      workingGroupId: group?.row.id ?? null,
      underNda,
    };
  });
}

/**
 * What the lead and most partners committed while each project was prepared: person-days valued
 * at the member's day rate, plus cash for some, rounded to the thousand. The lead usually commits
 * most; ties in value are kept on purpose (priority then goes to the earlier commitment), and
 * about a third of the projects with three or more engagements get one.
 */
export function generateEngagements(faker: Faker, projects: readonly SeedProject[], everyone: ReadonlyMap<string, SeedMember>): SeedEngagement[] {
  const engagements: SeedEngagement[] = [];
  for (const project of projects) {
    if (project.status === ProjectStatus.COMPLETED && !faker.datatype.boolean({ probability: 0.3 })) continue;
    const participants = [
      { clusterId: project.clusterId, memberId: project.leadMemberId, lead: true },
      ...project.partners.filter(() => faker.datatype.boolean({ probability: 0.8 })).map((partner) => ({ ...partner, lead: false })),
    ];
    const rows = participants.map(({ clusterId, memberId, lead }) => {
      const member = everyone.get(memberKey(clusterId, memberId));
      if (!member) throw new RangeError(`project ${project.clusterId}:${project.id} names an unknown member ${clusterId}:${memberId}`);
      const personDays = lead ? faker.number.int({ min: 40, max: 250 }) : faker.number.int({ min: 5, max: 120 });
      const cashEur = faker.datatype.boolean({ probability: lead ? 0.4 : 0.15 }) ? faker.number.int({ min: 1, max: lead ? 10 : 5 }) * (lead ? 10_000 : 5_000) : 0;
      const committedOn = faker.datatype.boolean({ probability: 0.15 })
        ? addDays(project.startedOn, faker.number.int({ min: 0, max: 10 }))
        : addDays(project.startedOn, -faker.number.int({ min: 10, max: 150 }));
      return {
        clusterId: project.clusterId,
        projectId: project.id,
        memberClusterId: clusterId,
        memberId,
        personDays,
        valueEur: roundTo(personDays * dayRate(member.kind) + cashEur, 1000),
        // A member that joined its cluster later commits when it joins the project.
        committedOn: minDate(maxDate(committedOn, member.joinedOn), TODAY),
        resources: engagementResources(personDays, faker.helpers.arrayElement(ENGAGEMENT_RESOURCES[kindGroup(member.kind)]), cashEur),
      };
    });
    if (rows.length >= 3 && faker.datatype.boolean({ probability: 0.35 })) rows[2]!.valueEur = rows[1]!.valueEur;
    engagements.push(...rows);
  }
  return engagements;
}
