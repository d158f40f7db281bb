import type { Faker } from '@faker-js/faker';
import { MembershipStatus } from '../../subgraphs/cluster/src/membership/membership-status';
import { ServiceRequestStatus } from '../../subgraphs/cluster/src/service/service-request-status';
import { SERVICES, type ServiceTemplate } from './activity-catalog';
import { numberByDate, roundTo, type ClusterSetting } from './activity-context';
import { dateBetween, maxDate, toDay, TODAY } from './seed-dates';
import type { SeedService, SeedServiceRequest } from './seed-rows';

/** Inactive services were withdrawn at the end of 2023: nobody asked for them later. */
const WITHDRAWN_AFTER = '2023-12-31';
const FIRST_REQUEST = '2019-01-01';

export interface Services {
  services: SeedService[];
  requests: SeedServiceRequest[];
}

/**
 * Four to six paid services at 55–80% of the market price, one or two no longer offered, and the
 * requests of about three members in ten (active ones), one to four each. A request's status
 * follows its age: old ones were delivered or cancelled, recent ones are still open.
 */
export function generateServices(faker: Faker, setting: ClusterSetting): Services {
  const clusterId = setting.cluster.id;
  const chosen = faker.helpers.arrayElements(SERVICES, { min: 4, max: 6 }).sort((a, b) => SERVICES.indexOf(a) - SERVICES.indexOf(b));
  const inactive = new Set(faker.helpers.arrayElements(chosen, chosen.length >= 5 && faker.datatype.boolean({ probability: 0.4 }) ? 2 : 1));
  const offered: Array<{ row: SeedService; template: ServiceTemplate }> = chosen.map((template, index) => {
    const marketPriceEur = roundTo(template.marketPriceEur * faker.number.float({ min: 0.85, max: 1.2 }), 50);
    return {
      template,
      row: {
        clusterId,
        id: index + 1,
        name: template.name,
        description: template.description,
        memberPriceEur: roundTo(marketPriceEur * faker.number.float({ min: 0.55, max: 0.8 }), 50),
        marketPriceEur,
        active: !inactive.has(template),
      },
    };
  });

  const active = setting.members.filter((member) => member.membershipStatus === MembershipStatus.ACTIVE);
  const drafts: Array<Omit<SeedServiceRequest, 'id'>> = [];
  for (const member of faker.helpers.arrayElements(active, Math.round(active.length * 0.3))) {
    for (let count = faker.number.int({ min: 1, max: 4 }); count > 0; count--) {
      const from = maxDate(member.joinedOn, FIRST_REQUEST);
      const available = offered.filter((service) => service.row.active || from <= WITHDRAWN_AFTER);
      const service = faker.helpers.arrayElement(available);
      const requestedOn = dateBetween(faker, from, service.row.active ? TODAY : WITHDRAWN_AFTER);
      drafts.push({
        clusterId,
        serviceId: service.row.id,
        memberId: member.id,
        requestedOn,
        status: statusByAge(faker, toDay(TODAY) - toDay(requestedOn)),
        note: faker.datatype.boolean({ probability: 0.15 }) ? '' : faker.helpers.arrayElement(service.template.notes),
      });
    }
  }
  return { services: offered.map((service) => service.row), requests: oneOpenRequest(numberByDate(drafts, (request) => request.requestedOn)) };
}

/** A member has one open request per service at a time (as `requestService` enforces): a later duplicate was cancelled. */
function oneOpenRequest(requests: SeedServiceRequest[]): SeedServiceRequest[] {
  const open = new Set<string>();
  return requests.map((request) => {
    if (request.status !== ServiceRequestStatus.REQUESTED && request.status !== ServiceRequestStatus.IN_PROGRESS) return request;
    const key = `${request.memberId}:${request.serviceId}`;
    if (open.has(key)) return { ...request, status: ServiceRequestStatus.CANCELLED };
    open.add(key);
    return request;
  });
}

function statusByAge(faker: Faker, days: number): ServiceRequestStatus {
  if (days > 120) return faker.datatype.boolean({ probability: 0.85 }) ? ServiceRequestStatus.DELIVERED : ServiceRequestStatus.CANCELLED;
  if (days >= 30) {
    return faker.helpers.weightedArrayElement([
      { value: ServiceRequestStatus.IN_PROGRESS, weight: 5 },
      { value: ServiceRequestStatus.DELIVERED, weight: 4 },
      { value: ServiceRequestStatus.CANCELLED, weight: 1 },
    ]);
  }
  return faker.datatype.boolean({ probability: 0.6 }) ? ServiceRequestStatus.REQUESTED : ServiceRequestStatus.IN_PROGRESS;
}
