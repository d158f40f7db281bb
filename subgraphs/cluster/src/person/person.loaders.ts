import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { PersonRoleEntity } from './person-role.entity';
import { PersonEntity } from './person.entity';

/** Roles in the order they were taken, then by id. */
const ROLE_ORDER = ['r.since', 'r.id'];

/** People and the roles they hold: of a member, a board, a working group, the cluster. */
export interface PersonLoaders {
  personById: DataLoader<string, PersonEntity | null>;
  peopleOfMember: DataLoader<string, PersonEntity[]>;
  peopleOfCluster: DataLoader<string, PersonEntity[]>;
  rolesOfPerson: DataLoader<string, PersonRoleEntity[]>;
  rolesOfMember: DataLoader<string, PersonRoleEntity[]>;
  rolesOfBoard: DataLoader<string, PersonRoleEntity[]>;
  rolesOfWorkingGroup: DataLoader<string, PersonRoleEntity[]>;
  rolesOfCluster: DataLoader<string, PersonRoleEntity[]>;
}

export function personLoaders(kit: LoaderKit): Factories<PersonLoaders> {
  return {
    personById: kit.byId(PersonEntity),
    peopleOfMember: kit.byParent(PersonEntity, 'member_id', 'memberId', ['r.name_key', 'r.id']),
    peopleOfCluster: kit.byCluster(PersonEntity, ['r.name_key', 'r.id']),
    rolesOfPerson: kit.byParent(PersonRoleEntity, 'person_id', 'personId', ROLE_ORDER),
    rolesOfMember: kit.byParent(PersonRoleEntity, 'member_id', 'memberId', ROLE_ORDER),
    rolesOfBoard: kit.byParent(PersonRoleEntity, 'board_id', 'boardId', ROLE_ORDER),
    rolesOfWorkingGroup: kit.byParent(PersonRoleEntity, 'working_group_id', 'workingGroupId', ROLE_ORDER),
    rolesOfCluster: kit.byCluster(PersonRoleEntity, ROLE_ORDER),
  };
}
