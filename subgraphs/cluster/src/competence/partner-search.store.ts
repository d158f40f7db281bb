import type { DataSource } from 'typeorm';
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
  if (lists.length > 0) {
    const of = `c.cluster_id IN (${statement.values(clusterIds)})`;
    const which = lists.map(([kind, codes]) => `(c.kind = '${kind}' AND c.code IN (${statement.values(codes)}))`).join(' OR ');
    const weight = `CASE c.kind WHEN 'AREA' THEN ${POINTS.AREA} WHEN 'CERTIFICATION' THEN ${POINTS.CERTIFICATION} ELSE ${POINTS.PROGRAMME} END`;
    from = `members m JOIN (SELECT c.cluster_id, c.member_id, SUM(${weight}) AS points FROM member_competences c WHERE ${of} AND (${which}) GROUP BY c.cluster_id, c.member_id) s ON s.cluster_id = m.cluster_id AND s.member_id = m.id`;
    points = 's.points';
  }
  const where = [`m.cluster_id IN (${statement.values(clusterIds)})`, `m.membership_status <> ${statement.values([MembershipStatus.LEFT])}`];
  if (need.kinds) where.push(need.kinds.length === 0 ? '1 = 0' : `m.kind IN (${statement.values([...new Set(need.kinds)])})`);
  if (need.regions) where.push(need.regions.length === 0 ? '1 = 0' : `m.region IN (${statement.values([...new Set(need.regions)])})`);
  return `SELECT m.cluster_id AS cluster_id, m.id AS id, ${points} + ${fit} AS score FROM ${from} WHERE ${where.join(' AND ')}`;
}

interface RankedRow {
  cluster_id: string;
  id: number | string;
  score: number | string;
}

/** One keyset page of the matches, best first: (score, cluster id, local id), all descending. */
export async function rankPartners(dataSource: DataSource, clusterIds: readonly string[], need: PartnerNeed, first: number, after: string | null | undefined): Promise<{ rows: RankedPartner[]; hasNextPage: boolean }> {
  if (clusterIds.length === 0) return { rows: [], hasNextPage: false };
  const statement = new Statement();
  const ranked = ranking(statement, clusterIds, need);
  let beyond = '';
  if (after !== null && after !== undefined) {
    const cursor = decodeCursor(after, PARTNER_ORDER);
    const [value, cluster, local] = [Number(cursor.value), cursor.clusterId, cursor.localId];
    beyond = ` WHERE r.score < ${statement.values([value])} OR (r.score = ${statement.values([value])} AND (r.cluster_id < ${statement.values([cluster])} OR (r.cluster_id = ${statement.values([cluster])} AND r.id < ${statement.values([local])})))`;
  }
  const sql = `SELECT r.cluster_id, r.id, r.score FROM (${ranked}) r${beyond} ORDER BY r.score DESC, r.cluster_id DESC, r.id DESC LIMIT ${statement.values([first + 1])}`;
  const rows = (await dataSource.query(sql, statement.parameters)) as RankedRow[];
  // MySQL returns SUMs as strings.
  const page = rows.map((row) => ({ clusterId: row.cluster_id, id: Number(row.id), score: Number(row.score) }));
  return { rows: page.slice(0, first), hasNextPage: page.length > first };
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
