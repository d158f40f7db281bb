import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { MemberEntity } from './member.entity';

/** Members by id. */
export interface MemberLoaders {
  memberById: DataLoader<string, MemberEntity | null>;
}

export function memberLoaders(kit: LoaderKit): Factories<MemberLoaders> {
  return {
    memberById: kit.byId(MemberEntity),
  };
}
