import { encodeGlobalId } from '../../../../shared/global-id';
import type { PersonRoleEntity } from './person-role.entity';
import type { PersonEntity } from './person.entity';
import type { Person, PersonRole } from './person.type';

const localRef = (clusterId: string, id: number | null) => (id === null ? null : encodeGlobalId(clusterId, id));

export function toPerson(row: PersonEntity): Person {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    name: row.name,
    jobTitle: row.jobTitle,
    cluster: { id: row.clusterId },
    memberId: localRef(row.clusterId, row.memberId),
  };
}

export function toPersonRole(row: PersonRoleEntity): PersonRole {
  return {
    role: row.role,
    since: row.since,
    until: row.until,
    current: row.until === null,
    personId: encodeGlobalId(row.clusterId, row.personId),
    memberId: localRef(row.clusterId, row.memberId),
    boardId: localRef(row.clusterId, row.boardId),
    workingGroupId: localRef(row.clusterId, row.workingGroupId),
  };
}
