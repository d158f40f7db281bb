import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { COMPETENCE_AREA_CODES, inListOrder, type CompetenceArea, type CompetenceKind, type CompetenceSets } from '../../../../shared/competences';
import { COMPANY_KINDS, type MemberKind } from '../member/member-kind';
import { MemberEntity } from '../member/member.entity';
import { MemberCompetenceEntity } from './member-competence.entity';

/** A member's rows as its three lists, each in its enum's order. */
export function toCompetenceSets(rows: readonly MemberCompetenceEntity[]): CompetenceSets {
  const of = (kind: CompetenceKind) => rows.filter((row) => row.kind === kind).map((row) => row.code);
  return {
    areas: inListOrder('AREA', of('AREA')) as CompetenceSets['areas'],
    certifications: inListOrder('CERTIFICATION', of('CERTIFICATION')) as CompetenceSets['certifications'],
    programmes: inListOrder('PROGRAMME', of('PROGRAMME')) as CompetenceSets['programmes'],
  };
}

/** The rows that store a member's lists. */
export function competenceRows(clusterId: string, memberId: number, sets: CompetenceSets): MemberCompetenceEntity[] {
  return [
    ...sets.areas.map((code) => ({ clusterId, memberId, kind: 'AREA' as const, code })),
    ...sets.certifications.map((code) => ({ clusterId, memberId, kind: 'CERTIFICATION' as const, code })),
    ...sets.programmes.map((code) => ({ clusterId, memberId, kind: 'PROGRAMME' as const, code })),
  ];
}

/** Replaces a member's lists inside the write's transaction. */
export async function replaceCompetences(manager: EntityManager, clusterId: string, memberId: number, sets: CompetenceSets): Promise<void> {
  await manager.delete(MemberCompetenceEntity, { clusterId, memberId });
  const rows = competenceRows(clusterId, memberId, sets);
  if (rows.length > 0) await manager.insert(MemberCompetenceEntity, rows);
}

export async function loadCompetenceSets(manager: EntityManager, clusterId: string, memberId: number): Promise<CompetenceSets> {
  return toCompetenceSets(await manager.find(MemberCompetenceEntity, { where: { clusterId, memberId } }));
}

/**
 * Keeps the members (aliased `alias`) that have every code given of one list: one indexed lookup
 * per code and member, the same statement on both backends. An empty list asks for nothing.
 */
export function requireCompetences<Row extends object>(query: SelectQueryBuilder<Row>, alias: string, kind: CompetenceKind, codes: readonly string[]): void {
  [...new Set(codes)].forEach((code, index) => {
    // Parameter names must be unique within a statement: one list's codes, named by list and place.
    const parameter = `${kind.toLowerCase()}_${index}`;
    query.andWhere(
      `EXISTS (SELECT 1 FROM member_competences c WHERE c.cluster_id = ${alias}.cluster_id AND c.member_id = ${alias}.id AND c.kind = '${kind}' AND c.code = :${parameter})`,
      { [parameter]: code },
    );
  });
}

export interface CompetenceFigures {
  area: CompetenceArea;
  members: number;
  companies: number;
  employees: number;
}

const noFigures = (): CompetenceFigures[] => COMPETENCE_AREA_CODES.map((area) => ({ area, members: 0, companies: 0, employees: 0 }));

/** The figures of several clusters added up, area by area, every area in its enum's order. */
export function sumCompetenceFigures(clusters: ReadonlyArray<readonly CompetenceFigures[]>): CompetenceFigures[] {
  const total = noFigures();
  for (const figures of clusters) {
    figures.forEach((figure, index) => {
      total[index]!.members += figure.members;
      total[index]!.companies += figure.companies;
      total[index]!.employees += figure.employees;
    });
  }
  return total;
}

/** Members, companies and their employees by competence area, for each cluster of `clusterIds`: one statement grouped by cluster and area. */
export async function loadCompetenceFiguresByCluster(dataSource: DataSource, clusterIds: readonly string[], kinds: readonly MemberKind[] | null | undefined): Promise<Map<string, CompetenceFigures[]>> {
  const byCluster = new Map(clusterIds.map((clusterId) => [clusterId, noFigures()]));
  if (clusterIds.length === 0 || kinds?.length === 0) return byCluster;
  const query = dataSource
    .getRepository(MemberCompetenceEntity)
    .createQueryBuilder('c')
    .innerJoin(MemberEntity, 'm', 'm.cluster_id = c.cluster_id AND m.id = c.member_id')
    .select('c.cluster_id', 'clusterId')
    .addSelect('c.code', 'area')
    .addSelect('COUNT(*)', 'members')
    .addSelect('SUM(CASE WHEN m.kind IN (:...companyKinds) THEN 1 ELSE 0 END)', 'companies')
    .addSelect('SUM(CASE WHEN m.kind IN (:...companyKinds) THEN m.employees ELSE 0 END)', 'employees')
    .where('c.cluster_id IN (:...clusterIds)', { clusterIds, companyKinds: COMPANY_KINDS })
    .andWhere("c.kind = 'AREA'")
    .groupBy('c.cluster_id')
    .addGroupBy('c.code');
  if (kinds) query.andWhere('m.kind IN (:...kinds)', { kinds });
  const rows = await query.getRawMany<{ clusterId: string; area: string; members: number | string; companies: number | string | null; employees: number | string | null }>();
  for (const row of rows) {
    const entry = byCluster.get(row.clusterId)?.find((figure) => figure.area === row.area);
    if (!entry) continue;
    // MySQL returns COUNT and SUM as strings.
    entry.members = Number(row.members);
    entry.companies = Number(row.companies ?? 0);
    entry.employees = Number(row.employees ?? 0);
  }
  return byCluster;
}
