import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { EngagementEntity } from './engagement.entity';

/** What each participant commits to a project. */
export interface EngagementLoaders {
  engagementsOfProject: DataLoader<string, EngagementEntity[]>;
}

export function engagementLoaders(kit: LoaderKit): Factories<EngagementLoaders> {
  return {
    engagementsOfProject: kit.byParent(EngagementEntity, 'project_id', 'projectId', ['r.member_cluster_id', 'r.member_id']),
  };
}
