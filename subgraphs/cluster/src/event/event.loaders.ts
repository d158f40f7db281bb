import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { EventRegistrationEntity } from './event-registration.entity';
import { EventEntity } from './event.entity';

/** Events and their registrations. */
export interface EventLoaders {
  eventById: DataLoader<string, EventEntity | null>;
  registrationsOfEvent: DataLoader<string, EventRegistrationEntity[]>;
}

export function eventLoaders(kit: LoaderKit): Factories<EventLoaders> {
  return {
    eventById: kit.byId(EventEntity),
    registrationsOfEvent: kit.byParent(EventRegistrationEntity, 'event_id', 'eventId', ['r.member_cluster_id', 'r.member_id']),
  };
}
