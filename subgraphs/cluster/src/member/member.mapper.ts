import { encodeGlobalId } from '../../../../shared/global-id';
import type { MemberEntity } from './member.entity';
import type { Member } from './member.type';

export function toMember(row: MemberEntity): Member {
  const id = encodeGlobalId(row.clusterId, row.id);
  return {
    id,
    name: row.name,
    kind: row.kind,
    employees: row.employees,
    city: row.city,
    region: row.region,
    founded: row.founded,
    cluster: { id: row.clusterId },
    membership: { memberId: id, joinedOn: row.joinedOn, status: row.membershipStatus, statusSince: row.statusSince, votingRight: Boolean(row.votingRight) },
    version: row.version,
  };
}
