import { encodeGlobalId } from '../../../../shared/global-id';
import type { EngagementEntity } from './engagement.entity';
import type { ResourceEngagement } from './engagement.type';

/**
 * Participation priority: the larger valued engagement first; at equal value the earlier
 * commitment (it took the risk first); then the member's id, so the ranking is total.
 */
export function rankEngagements(rows: readonly EngagementEntity[]): ResourceEngagement[] {
  const sorted = [...rows].sort(
    (a, b) =>
      b.valueEur - a.valueEur ||
      (a.committedOn < b.committedOn ? -1 : a.committedOn > b.committedOn ? 1 : 0) ||
      (a.memberClusterId < b.memberClusterId ? -1 : a.memberClusterId > b.memberClusterId ? 1 : 0) ||
      a.memberId - b.memberId,
  );
  return sorted.map((row, index) => ({
    priority: index + 1,
    member: { id: encodeGlobalId(row.memberClusterId, row.memberId) },
    personDays: row.personDays,
    valueEur: row.valueEur,
    committedOn: row.committedOn,
    resources: row.resources,
  }));
}
