import type { DataSource } from 'typeorm';
import { badUserInput } from '../../../../shared/errors';
import { foldSortKey } from '../../../../shared/sort-key';
import { fetchKeysetPage, type KeysetOrder, type Page } from '../paging/keyset';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import type { SortDirection } from '../paging/sort-direction';
import { MemberEntity } from './member.entity';
import { MemberOrderField, type MemberFilter } from './member.inputs';

const ORDER_COLUMNS: Record<MemberOrderField, { column: string; property: keyof MemberEntity }> = {
  [MemberOrderField.NAME]: { column: 'm.name_key', property: 'nameKey' },
  [MemberOrderField.EMPLOYEES]: { column: 'm.employees', property: 'employees' },
  [MemberOrderField.FOUNDED]: { column: 'm.founded', property: 'founded' },
};

export function memberOrder(field: MemberOrderField, direction: SortDirection): KeysetOrder {
  const { column, property } = ORDER_COLUMNS[field];
  return { field, direction, column, property };
}

function filteredMembers(dataSource: DataSource, clusterIds: readonly string[], filter: MemberFilter | null | undefined) {
  const query = dataSource.getRepository(MemberEntity).createQueryBuilder('m').where('m.cluster_id IN (:...clusterIds)', { clusterIds });
  if (filter?.kind) {
    if (filter.kind.length === 0) query.andWhere('1 = 0');
    else query.andWhere('m.kind IN (:...kinds)', { kinds: filter.kind });
  }
  if (filter?.nameContains !== null && filter?.nameContains !== undefined) {
    query.andWhere(`m.name_key LIKE :name ${LIKE_ESCAPE}`, { name: containsPattern(filter.nameContains, 'nameContains') });
  }
  if (filter?.minEmployees !== null && filter?.minEmployees !== undefined) {
    query.andWhere('m.employees >= :minEmployees', { minEmployees: filter.minEmployees });
  }
  if (filter?.city !== null && filter?.city !== undefined) {
    if (filter.city.length > 100) throw badUserInput('city is longer than 100 characters', { argument: 'city' });
    query.andWhere('m.city_key = :city', { city: foldSortKey(filter.city) });
  }
  return query;
}

export function findMemberPage(
  dataSource: DataSource,
  clusterIds: readonly string[],
  filter: MemberFilter | null | undefined,
  order: KeysetOrder,
  first: number,
  after: string | null | undefined,
): Promise<Page<MemberEntity>> {
  return fetchKeysetPage(filteredMembers(dataSource, clusterIds, filter), 'm', order, first, after);
}

export function countMembers(dataSource: DataSource, clusterIds: readonly string[], filter: MemberFilter | null | undefined): Promise<number> {
  return filteredMembers(dataSource, clusterIds, filter).getCount();
}
