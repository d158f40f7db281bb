import { encodeGlobalId } from '../../../../shared/global-id';
import type { MemberEntity } from './member.entity';
import type { Member } from './member.type';

export function toMember(row: MemberEntity): Member {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    name: row.name,
    kind: row.kind,
    employees: row.employees,
    city: row.city,
    founded: row.founded,
    cluster: { id: row.clusterId },
  };
}
