import type { DataSource } from 'typeorm';
import { fetchKeysetPage, type KeysetOrder, type Page } from '../paging/keyset';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import type { SortDirection } from '../paging/sort-direction';
import { ProjectEntity } from './project.entity';
import { ProjectOrderField, type ProjectFilter } from './project.inputs';

const ORDER_COLUMNS: Record<ProjectOrderField, { column: string; property: keyof ProjectEntity }> = {
  [ProjectOrderField.TITLE]: { column: 'p.title_key', property: 'titleKey' },
  [ProjectOrderField.STARTED]: { column: 'p.started_on', property: 'startedOn' },
  [ProjectOrderField.BUDGET]: { column: 'p.budget_eur', property: 'budgetEur' },
};

export function projectOrder(field: ProjectOrderField, direction: SortDirection): KeysetOrder {
  const { column, property } = ORDER_COLUMNS[field];
  return { field, direction, column, property };
}

function filteredProjects(dataSource: DataSource, clusterIds: readonly string[], filter: ProjectFilter | null | undefined) {
  const query = dataSource.getRepository(ProjectEntity).createQueryBuilder('p').where('p.cluster_id IN (:...clusterIds)', { clusterIds });
  if (filter?.status) {
    if (filter.status.length === 0) query.andWhere('1 = 0');
    else query.andWhere('p.status IN (:...statuses)', { statuses: filter.status });
  }
  if (filter?.titleContains !== null && filter?.titleContains !== undefined) {
    query.andWhere(`p.title_key LIKE :title ${LIKE_ESCAPE}`, { title: containsPattern(filter.titleContains, 'titleContains') });
  }
  return query;
}

export function findProjectPage(
  dataSource: DataSource,
  clusterIds: readonly string[],
  filter: ProjectFilter | null | undefined,
  order: KeysetOrder,
  first: number,
  after: string | null | undefined,
): Promise<Page<ProjectEntity>> {
  return fetchKeysetPage(filteredProjects(dataSource, clusterIds, filter), 'p', order, first, after);
}

export function countProjects(dataSource: DataSource, clusterIds: readonly string[], filter: ProjectFilter | null | undefined): Promise<number> {
  return filteredProjects(dataSource, clusterIds, filter).getCount();
}
