import { registerEnumType } from 'type-graphql';

export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
