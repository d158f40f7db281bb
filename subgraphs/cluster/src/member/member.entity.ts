import { Column, Entity } from 'typeorm';
import { ClusterKeyedRow } from '../db/cluster-keyed-row';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import type { MemberKind } from './member-kind';
import type { MembershipStatus } from '../membership/membership-status';

/**
 * A member organisation. Rows carry their cluster id so that one database can also hold every
 * cluster (the one-database oracle); `(cluster_id, id)` is the key and `id` the local id.
 */
@Entity({ name: 'members' })
export class MemberEntity extends ClusterKeyedRow {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** `foldSortKey(name)`: the stored sort key, and what `nameContains` matches. */
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 32 })
  kind: MemberKind;

  @Column({ type: 'int' })
  employees: number;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ name: 'city_key', type: 'varchar', length: 100 })
  cityKey: string;

  /** The development region of `city` (shared/romania-regions.ts); null for a town not listed there. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  region: DevelopmentRegion | null;

  @Column({ type: 'int' })
  founded: number;

  /** ISO date the organisation joined the cluster; null for rows that predate membership records. */
  @Column({ name: 'joined_on', type: 'varchar', length: 10, nullable: true })
  joinedOn: string | null;

  @Column({ name: 'membership_status', type: 'varchar', length: 16 })
  membershipStatus: MembershipStatus;

  @Column({ name: 'status_since', type: 'varchar', length: 10, nullable: true })
  statusSince: string | null;

  /** Whether the member votes in the General Assembly (associate members do not). */
  @Column({ name: 'voting_right', type: 'boolean' })
  votingRight: boolean;

  @Column({ type: 'int' })
  version: number;
}
