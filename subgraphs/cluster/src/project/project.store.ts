import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import type { Listing } from '../paging/listing';
import { ProjectEntity } from './project.entity';
import { ProjectOrderField, type ProjectFilter } from './project.inputs';

/** Projects as the network lists them: by title, start date or budget. */
export const PROJECTS: Listing<ProjectEntity, ProjectFilter> = {
  entity: ProjectEntity,
  alias: 'p',
  orders: {
    [ProjectOrderField.TITLE]: { column: 'p.title_key', property: 'titleKey' },
    [ProjectOrderField.STARTED]: { column: 'p.started_on', property: 'startedOn' },
    [ProjectOrderField.BUDGET]: { column: 'p.budget_eur', property: 'budgetEur' },
  },
  defaultOrder: ProjectOrderField.TITLE,
  applyFilter(query, filter) {
    if (filter.status) {
      if (filter.status.length === 0) query.andWhere('1 = 0');
      else query.andWhere('p.status IN (:...statuses)', { statuses: filter.status });
    }
    if (filter.titleContains !== null && filter.titleContains !== undefined) {
      query.andWhere(`p.title_key LIKE :title ${LIKE_ESCAPE}`, { title: containsPattern(filter.titleContains, 'titleContains') });
    }
  },
};
