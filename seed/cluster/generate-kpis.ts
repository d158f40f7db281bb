import type { Faker } from '@faker-js/faker';
import { ServiceRequestStatus } from '../../subgraphs/cluster/src/service/service-request-status';
import { KPIS, type KpiTemplate } from './activity-catalog';
import { roundTo, type ClusterSetting } from './activity-context';
import type { Directory } from './generate-people';
import { TODAY, yearOf } from './seed-dates';
import type { SeedEvent, SeedKpi, SeedProject, SeedService, SeedServiceRequest } from './seed-rows';

const YEARS = [2024, 2025, 2026];
/** The running year: indicators only the year-end accounts measure have no actual yet. */
const RUNNING_YEAR = 2026;

export interface KpiContext {
  setting: ClusterSetting;
  directory: Directory;
  projects: readonly SeedProject[];
  events: readonly SeedEvent[];
  services: readonly SeedService[];
  requests: readonly SeedServiceRequest[];
}

/**
 * Four to six KPIs a year for 2024–2026, negotiated with the executive director in office. Where
 * the data measures the indicator (new members, events, participants, projects, delivered
 * requests, service revenue) the actual is that measure and the target was set near it; the
 * others are drawn. In the running year, revenue, projects and drawn indicators have no actual.
 */
export function generateKpis(faker: Faker, context: KpiContext): SeedKpi[] {
  const director = context.directory.executiveDirectors.find((tenure) => tenure.until === null);
  if (!director) return [];
  const drafts: Array<Omit<SeedKpi, 'id'>> = [];
  for (const year of YEARS) {
    const chosen = faker.helpers.arrayElements(KPIS, { min: 4, max: 6 }).sort((a, b) => KPIS.indexOf(a) - KPIS.indexOf(b));
    for (const template of chosen) {
      const { target, actual } = figures(faker, template, year, context);
      drafts.push({ clusterId: context.setting.cluster.id, personId: director.personId, name: template.name, unit: template.unit, target, actual, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    }
  }
  return drafts.map((draft, index) => ({ ...draft, id: index + 1 }));
}

function figures(faker: Faker, template: KpiTemplate, year: number, context: KpiContext): { target: number; actual: number | null } {
  const running = year === RUNNING_YEAR;
  const step = template.unit === 'EUR' ? 1000 : 1;
  if (template.measure === 'none') {
    const range = template.range ?? { min: 1, max: 10, step: 1 };
    const target = roundTo(faker.number.int({ min: range.min, max: range.max }), range.step);
    const percent = template.unit === 'percent';
    const actual = running ? null : Math.min(percent ? 100 : Infinity, roundTo(target * faker.number.float(percent ? { min: 0.9, max: 1.06 } : { min: 0.7, max: 1.2 }), range.step));
    return { target, actual };
  }
  const measured = measure(template.measure, year, context);
  // A target is set from the year before: near what the year turned out to be.
  const basis = running ? measure(template.measure, year - 1, context) : measured;
  const target = Math.max(step, roundTo(basis * faker.number.float(running ? { min: 0.9, max: 1.3 } : { min: 0.8, max: 1.25 }), step));
  const unmeasured = running && (template.measure === 'serviceRevenue' || template.measure === 'projects');
  return { target, actual: unmeasured ? null : measured };
}

function measure(what: KpiTemplate['measure'], year: number, context: KpiContext): number {
  const inYear = (date: string) => yearOf(date) === year && date <= TODAY;
  const delivered = context.requests.filter((request) => request.status === ServiceRequestStatus.DELIVERED && inYear(request.requestedOn));
  switch (what) {
    case 'newMembers':
      return context.setting.members.filter((member) => inYear(member.joinedOn)).length;
    case 'events':
      return context.events.filter((event) => inYear(event.startsOn)).length;
    case 'participants':
      return context.events.filter((event) => inYear(event.startsOn)).reduce((sum, event) => sum + event.seatsTaken, 0);
    case 'projects':
      return context.projects.filter((project) => inYear(project.startedOn)).length;
    case 'requests':
      return delivered.length;
    case 'serviceRevenue':
      return delivered.reduce((sum, request) => sum + (context.services.find((service) => service.id === request.serviceId)?.memberPriceEur ?? 0), 0);
    case 'none':
      return 0;
  }
}
