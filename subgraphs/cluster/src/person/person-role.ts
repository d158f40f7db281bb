import { registerEnumType } from 'type-graphql';

export enum PersonRoleKind {
  /** Represents a member organisation in the cluster (and votes for it in the General Assembly). */
  REPRESENTATIVE = 'REPRESENTATIVE',
  BOARD_DIRECTOR = 'BOARD_DIRECTOR',
  /** Chairs the board; also a director. */
  PRESIDENT = 'PRESIDENT',
  EXECUTIVE_DIRECTOR = 'EXECUTIVE_DIRECTOR',
  WORKING_GROUP_COORDINATOR = 'WORKING_GROUP_COORDINATOR',
  STAFF = 'STAFF',
}

registerEnumType(PersonRoleKind, { name: 'PersonRoleKind' });

/** The roles that make a seat on a board. */
export const BOARD_ROLES: readonly PersonRoleKind[] = [PersonRoleKind.PRESIDENT, PersonRoleKind.BOARD_DIRECTOR];
