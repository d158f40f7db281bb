import { badUserInput } from '../../../../shared/errors';
import { foldSortKey } from '../../../../shared/sort-key';
import { containsPattern, LIKE_ESCAPE } from '../paging/like-pattern';
import type { Listing } from '../paging/listing';
import { requireCompetences } from '../competence/competence.store';
import { MemberEntity } from './member.entity';
import { MemberOrderField, type MemberFilter } from './member.inputs';

/** Members as the network lists them: by name, employees or founding year. */
export const MEMBERS: Listing<MemberEntity, MemberFilter> = {
  entity: MemberEntity,
  alias: 'm',
  orders: {
    [MemberOrderField.NAME]: { column: 'm.name_key', property: 'nameKey' },
    [MemberOrderField.EMPLOYEES]: { column: 'm.employees', property: 'employees' },
    [MemberOrderField.FOUNDED]: { column: 'm.founded', property: 'founded' },
  },
  defaultOrder: MemberOrderField.NAME,
  applyFilter(query, filter) {
    if (filter.kind) {
      if (filter.kind.length === 0) query.andWhere('1 = 0');
      else query.andWhere('m.kind IN (:...kinds)', { kinds: filter.kind });
    }
    if (filter.nameContains !== null && filter.nameContains !== undefined) {
      query.andWhere(`m.name_key LIKE :name ${LIKE_ESCAPE}`, { name: containsPattern(filter.nameContains, 'nameContains') });
    }
    if (filter.minEmployees !== null && filter.minEmployees !== undefined) {
      query.andWhere('m.employees >= :minEmployees', { minEmployees: filter.minEmployees });
    }
    if (filter.city !== null && filter.city !== undefined) {
      if (filter.city.length > 100) throw badUserInput('city is longer than 100 characters', { argument: 'city' });
      query.andWhere('m.city_key = :city', { city: foldSortKey(filter.city) });
    }
    if (filter.regions) {
      if (filter.regions.length === 0) query.andWhere('1 = 0');
      else query.andWhere('m.region IN (:...regions)', { regions: filter.regions });
    }
    requireCompetences(query, 'm', 'AREA', filter.competences ?? []);
    requireCompetences(query, 'm', 'CERTIFICATION', filter.certifications ?? []);
    requireCompetences(query, 'm', 'PROGRAMME', filter.programmes ?? []);
  },
};
