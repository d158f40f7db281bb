import { registerEnumType } from 'type-graphql';

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LEFT = 'LEFT',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus', description: 'Where a member stands with its cluster.' });
