import { registerEnumType } from 'type-graphql';

export enum AssemblyKind {
  ORDINARY = 'ORDINARY',
  EXTRAORDINARY = 'EXTRAORDINARY',
}
registerEnumType(AssemblyKind, { name: 'AssemblyKind' });

/** An initiative brought to the board: proposed, then approved or rejected at one meeting. */
export enum InitiativeStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });

/** The decisions a board can take on a proposed initiative. */
export enum InitiativeDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(InitiativeDecision, { name: 'InitiativeDecision' });
