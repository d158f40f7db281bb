import type { DataSource } from 'typeorm';
import { MemberEntity } from '../member/member.entity';
import { decodeCursor, encodeCursor } from '../../../../shared/cursor';
import { MembershipStatus } from '../membership/membership-status';
import type { PartnerNeed } from './partner-need.inputs';

/** The ordering partner searches page in: by score, highest first, ties by cluster and id like every keyset order. */
export const PARTNER_ORDER = 'SCORE:DESC';

/** The points of each entry of a need a member brings; each list outweighs everything after it (at most 13 areas, 7 certifications, 7 programmes). */
export const POINTS = { AREA: 1000, CERTIFICATION: 100, PROGRAMME: 10, SIZE_FIT: 1 } as const;

export interface RankedPartner {
  clusterId: string;
  id: number;
  score: number;
  /** The member's row, read in the same statement. */
  member: MemberEntity;
  /** The codes of the need the member brings, of every list, in no order. */
  matched: string[];
}

/** A statement's text and its parameters, written in the order they appear. */
class Statement {
  readonly parameters: unknown[] = [];

  /** `?` for each value, their parameters taken in that order. */
  values(values: readonly unknown[]): string {
    this.parameters.push(...values);
    return values.map(() => '?').join(', ');
  }
}

/**
 * The members of `clusterIds` matching `need`, each with its score, as one derived table: what the
 * need asks of the lists is summed from `member_competences` in one grouped pass, the size fit
 * added from the member's row. A need that asks something of the lists keeps only the members
 * that bring some of it; members that left their cluster are never proposed.
 */
function ranking(statement: Statement, clusterIds: readonly string[], need: PartnerNeed): string {
  const lists = (
    [
      ['AREA', [...new Set(need.competences ?? [])]],
      ['CERTIFICATION', [...new Set(need.certifications ?? [])]],
      ['PROGRAMME', [...new Set(need.programmes ?? [])]],
    ] as const
  ).filter(([, codes]) => codes.length > 0);
  const { min, max } = need.employees ?? {};
  const ranged = (min ?? null) !== null || (max ?? null) !== null;
  const fit = ranged ? `CASE WHEN m.employees >= ${statement.values([min ?? 0])} AND m.employees <= ${statement.values([max ?? Number.MAX_SAFE_INTEGER])} THEN ${POINTS.SIZE_FIT} ELSE 0 END` : '0';
  let from = 'members m';
  let points = '0';
  let matched = "''";
  if (lists.length > 0) {
    const of = `c.cluster_id IN (${statement.values(clusterIds)})`;
    const which = lists.map(([kind, codes]) => `(c.kind = '${kind}' AND c.code IN (${statement.values(codes)}))`).join(' OR ');
    const weight = `CASE c.kind WHEN 'AREA' THEN ${POINTS.AREA} WHEN 'CERTIFICATION' THEN ${POINTS.CERTIFICATION} ELSE ${POINTS.PROGRAMME} END`;
    // The three lists' codes never coincide, so one list of codes says what of each the member brings.
    from = `members m JOIN (SELECT c.cluster_id, c.member_id, SUM(${weight}) AS points, GROUP_CONCAT(c.code) AS codes FROM member_competences c WHERE ${of} AND (${which}) GROUP BY c.cluster_id, c.member_id) s ON s.cluster_id = m.cluster_id AND s.member_id = m.id`;
    points = 's.points';
    matched = 's.codes';
  }
  const where = [`m.cluster_id IN (${statement.values(clusterIds)})`, `m.membership_status <> ${statement.values([MembershipStatus.LEFT])}`];
  if (need.kinds) where.push(need.kinds.length === 0 ? '1 = 0' : `m.kind IN (${statement.values([...new Set(need.kinds)])})`);
  if (need.regions) where.push(need.regions.length === 0 ? '1 = 0' : `m.region IN (${statement.values([...new Set(need.regions)])})`);
  return `SELECT m.*, ${points} + ${fit} AS score, ${matched} AS matched_codes FROM ${from} WHERE ${where.join(' AND ')}`;
}

type RankedRow = Record<string, unknown> & { cluster_id: string; id: number | string; score: number | string; matched_codes: string | null; total: number | string };

/** A member's row as the entity holds it, from the raw columns of the ranking (its column names are the entity's). */
function memberOf(dataSource: DataSource, row: RankedRow): MemberEntity {
  const member = new MemberEntity();
  for (const column of dataSource.getMetadata(MemberEntity).columns) {
    const value = row[column.databaseName];
    (member as unknown as Record<string, unknown>)[column.propertyName] = column.type === 'int' && value !== null ? Number(value) : column.type === 'boolean' ? Boolean(Number(value)) : value;
  }
  return member;
}

/**
 * One keyset page of the matches, best first: (score, cluster id, local id), all descending, with
 * each member's row and what it brings, and how many match in all: one statement. The total is
 * counted over the whole ranking before the page is cut from it (a window), so it needs no second
 * pass; a page past the end has no row to carry it, and says null.
 */
export async function rankPartners(dataSource: DataSource, clusterIds: readonly string[], need: PartnerNeed, first: number, after: string | null | undefined): Promise<{ rows: RankedPartner[]; hasNextPage: boolean; total: number | null }> {
  if (clusterIds.length === 0) return { rows: [], hasNextPage: false, total: 0 };
  const statement = new Statement();
  const ranked = ranking(statement, clusterIds, need);
  let beyond = '';
  if (after !== null && after !== undefined) {
    const cursor = decodeCursor(after, PARTNER_ORDER);
    const [value, cluster, local] = [Number(cursor.value), cursor.clusterId, cursor.localId];
    beyond = ` WHERE r.score < ${statement.values([value])} OR (r.score = ${statement.values([value])} AND (r.cluster_id < ${statement.values([cluster])} OR (r.cluster_id = ${statement.values([cluster])} AND r.id < ${statement.values([local])})))`;
  }
  const sql = `SELECT r.* FROM (SELECT ranked.*, COUNT(*) OVER () AS total FROM (${ranked}) ranked) r${beyond} ORDER BY r.score DESC, r.cluster_id DESC, r.id DESC LIMIT ${statement.values([first + 1])}`;
  const rows = (await dataSource.query(sql, statement.parameters)) as RankedRow[];
  // MySQL returns SUMs and COUNTs as strings.
  const page = rows.map((row) => ({
    clusterId: row.cluster_id,
    id: Number(row.id),
    score: Number(row.score),
    member: memberOf(dataSource, row),
    matched: row.matched_codes ? row.matched_codes.split(',') : [],
  }));
  return { rows: page.slice(0, first), hasNextPage: page.length > first, total: rows[0] ? Number(rows[0].total) : null };
}

/** How many members match the need: the connection's `totalCount`. */
export async function countPartners(dataSource: DataSource, clusterIds: readonly string[], need: PartnerNeed): Promise<number> {
  if (clusterIds.length === 0) return 0;
  const statement = new Statement();
  const ranked = ranking(statement, clusterIds, need);
  const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM (${ranked}) r`, statement.parameters)) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0);
}

export function partnerCursor(row: RankedPartner): string {
  return encodeCursor({ order: PARTNER_ORDER, value: row.score, clusterId: row.clusterId, localId: row.id });
}
