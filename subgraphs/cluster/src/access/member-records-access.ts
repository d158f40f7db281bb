import type { Identity } from '../../../../shared/auth/identity';
import { tryDecodeGlobalId } from '../../../../shared/global-id';

/**
 * What passes between a member and its cluster alone (the fees it paid, the notes on its service
 * requests) is read by that member's own people and by the cluster's staff. Another member of the
 * same cluster does not read it (unlike board minutes, which are for every member), nor does the
 * secretariat, an analyst or another cluster. The network's figures count every member either way:
 * they tell no member's detail.
 *
 * To anyone else the detail is `null`, as board minutes are (see minutes-access.ts), never an empty
 * list or `false`: those would say "paid nothing", "not paid" or "wrote nothing", which is a claim
 * about the member, while `null` says only that the caller is not told. The answer carries no
 * error, since the rest of the object is theirs to read.
 *
 * `memberId` is the member's global id; its cluster is the one in the id, so that a deployment
 * serving every cluster (the one-database oracle) applies the same rule as the member's own shard.
 */
export function mayReadMemberRecords(identity: Identity, memberId: string): boolean {
  const member = tryDecodeGlobalId(memberId);
  if (!member || identity.clusterId !== member.clusterId) return false;
  if (identity.role === 'cluster-admin') return true;
  if (identity.role !== 'member') return false;
  const own = tryDecodeGlobalId(identity.memberId);
  return own !== null && own.clusterId === member.clusterId && own.localId === member.localId;
}
