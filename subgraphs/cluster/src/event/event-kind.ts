import { registerEnumType } from 'type-graphql';

export enum EventKind {
  CONFERENCE = 'CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  TRAINING = 'TRAINING',
  MATCHMAKING = 'MATCHMAKING',
  TRADE_MISSION = 'TRADE_MISSION',
}
registerEnumType(EventKind, { name: 'EventKind' });
