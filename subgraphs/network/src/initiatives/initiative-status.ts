import { registerEnumType } from 'type-graphql';

export enum NetworkInitiativeStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
}

registerEnumType(NetworkInitiativeStatus, {
  name: 'NetworkInitiativeStatus',
  description: 'Where a network initiative stands.',
  valuesConfig: {
    PLANNED: { description: 'Agreed by the committee, not started yet: `startedOn` is the planned start.' },
    RUNNING: { description: 'Under way.' },
    COMPLETED: { description: 'Finished on `endsOn`.' },
  },
});
