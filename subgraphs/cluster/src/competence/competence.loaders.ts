import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { MemberCompetenceEntity } from './member-competence.entity';

/** A member's competence rows, by the member's global id. */
export interface CompetenceLoaders {
  competencesByMember: DataLoader<string, MemberCompetenceEntity[]>;
}

export function competenceLoaders(kit: LoaderKit): Factories<CompetenceLoaders> {
  return {
    competencesByMember: kit.byParent(MemberCompetenceEntity, 'member_id', 'memberId', ['r.kind', 'r.code']),
  };
}
