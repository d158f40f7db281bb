import type { Faker } from '@faker-js/faker';
import { EventKind } from '../../subgraphs/cluster/src/event/event-kind';
import { EVENT_CAPACITY, EVENT_KIND_WEIGHTS, GENERAL_EVENT_TOPICS } from './activity-catalog';
import { isActiveOn, roundTo, type ClusterSetting } from './activity-context';
import { groupsFormedBy, type PlannedGroup } from './generate-working-groups';
import { addDays, dateBetween, TODAY, weekdayOf, yearOf } from './seed-dates';
import type { SeedEvent, SeedEventRegistration, SeedMember } from './seed-rows';

export interface Events {
  events: SeedEvent[];
  registrations: SeedEventRegistration[];
}

/** Most attendees one registration brings, by kind: companies send a team to a conference. */
const MAX_ATTENDEES: Readonly<Record<EventKind, number>> = {
  [EventKind.CONFERENCE]: 5,
  [EventKind.MATCHMAKING]: 3,
  [EventKind.WORKSHOP]: 2,
  [EventKind.TRAINING]: 2,
  [EventKind.TRADE_MISSION]: 2,
};

/**
 * Ten to twenty events from 2019 to mid-2027 on weekdays, at least two of them still to come, a
 * third of them run by a working group. Registrations come from members of the cluster and about
 * one in five from other clusters; past events filled 45–95% of their seats, upcoming ones 10–55%
 * so far. `seatsTaken` is the sum of the registrations' attendees, never above capacity.
 */
export function generateEvents(faker: Faker, setting: ClusterSetting, groups: readonly PlannedGroup[], foreign: readonly SeedMember[]): Events {
  const { cluster } = setting;
  const count = faker.number.int({ min: 10, max: 20 });
  const dates = Array.from({ length: count }, () => dateBetween(faker, '2019-01-15', '2027-06-30'));
  let upcoming = dates.filter((date) => date > TODAY).length;
  for (let index = 0; upcoming < 2 && index < dates.length; index++) {
    if (dates[index]! > TODAY) continue;
    dates[index] = dateBetween(faker, '2026-12-01', '2027-06-30');
    upcoming++;
  }
  const weekdays = dates.map((date) => addDays(date, weekdayOf(date) === 6 ? 2 : weekdayOf(date) === 0 ? 1 : 0)).sort();

  const titles = new Set<string>();
  const events: SeedEvent[] = [];
  const registrations: SeedEventRegistration[] = [];
  for (const [index, startsOn] of weekdays.entries()) {
    const id = index + 1;
    const kind = faker.helpers.weightedArrayElement(EVENT_KIND_WEIGHTS);
    const existing = groupsFormedBy(groups, startsOn);
    const group = kind !== EventKind.TRADE_MISSION && existing.length > 0 && faker.datatype.boolean({ probability: 0.35 }) ? faker.helpers.arrayElement(existing) : undefined;
    const topic = faker.helpers.arrayElement(group ? group.template.eventTopics : GENERAL_EVENT_TOPICS[kind]);
    const city = faker.datatype.boolean({ probability: 0.7 }) ? cluster.city : faker.helpers.arrayElement(cluster.towns);
    let title = eventTitle(faker, kind, topic, cluster.shortName, city, yearOf(startsOn));
    if (titles.has(title)) title = `${title}, ${city}`;
    titles.add(title);
    const capacity = roundTo(faker.number.int(EVENT_CAPACITY[kind]), 5);

    const past = startsOn <= TODAY;
    const target = Math.floor(capacity * faker.number.float(past ? { min: 0.45, max: 0.95 } : { min: 0.1, max: 0.55 }));
    // Members come in a random order, four in five from the cluster: when the cluster's own
    // members run out the event stops filling, so large conferences keep that mix too.
    const queues = [faker.helpers.shuffle([...setting.members]), faker.helpers.shuffle([...foreign])];
    let seatsTaken = 0;
    while (seatsTaken < target) {
      const queue = queues[faker.datatype.boolean({ probability: 0.2 }) ? 1 : 0]!;
      const member = queue.pop();
      if (!member) break;
      // Upcoming events have taken registrations in the last weeks only.
      const registeredOn = past ? addDays(startsOn, -faker.number.int({ min: 1, max: 60 })) : dateBetween(faker, addDays(TODAY, -45), TODAY);
      const attendees = Math.min(faker.number.int({ min: 1, max: MAX_ATTENDEES[kind] }), capacity - seatsTaken);
      if (!isActiveOn(member, registeredOn)) continue;
      seatsTaken += attendees;
      registrations.push({ clusterId: cluster.id, eventId: id, memberClusterId: member.clusterId, memberId: member.id, attendees, registeredOn });
    }
    events.push({ clusterId: cluster.id, id, title, kind, startsOn, city, capacity, seatsTaken, workingGroupId: group?.row.id ?? null });
  }
  return { events, registrations };
}

function eventTitle(faker: Faker, kind: EventKind, topic: string, shortName: string, city: string, year: number): string {
  switch (kind) {
    case EventKind.CONFERENCE:
      return faker.datatype.boolean() ? `${shortName} Innovation Days ${year}` : `Conferința „${topic}” ${year}`;
    case EventKind.WORKSHOP:
      return `Atelier: ${topic} (${year})`;
    case EventKind.TRAINING:
      return `Curs: ${topic} (${year})`;
    case EventKind.MATCHMAKING:
      return `Matchmaking B2B: ${topic} (${year})`;
    case EventKind.TRADE_MISSION:
      // Inbound: the cluster hosts a foreign delegation in its own city.
      return `Misiune economică: delegație din ${topic} la ${city} (${year})`;
  }
}
