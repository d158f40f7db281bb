import DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import type { MemberKind } from '../member/member-kind';
import { loadCompetenceFiguresByCluster, type CompetenceFigures } from './competence.store';
import { MemberCompetenceEntity } from './member-competence.entity';

/** Which cluster's figures, counting which kinds (all when null). */
export interface ClusterFiguresKey {
  clusterId: string;
  kinds: readonly MemberKind[] | null;
}

export interface CompetenceLoaders {
  /** A member's competence rows, by the member's global id. */
  competencesByMember: DataLoader<string, MemberCompetenceEntity[]>;
  /** A cluster's figures by competence area: the clusters of one request in one statement per set of kinds. */
  competenceFiguresOfCluster: DataLoader<ClusterFiguresKey, CompetenceFigures[] | null, string>;
}

export function competenceLoaders(kit: LoaderKit): Factories<CompetenceLoaders> {
  return {
    competencesByMember: kit.byParent(MemberCompetenceEntity, 'member_id', 'memberId', ['r.kind', 'r.code']),
    competenceFiguresOfCluster: (dataSource) =>
      new DataLoader(
        async (keys) => {
          const byKinds = new Map<string, { kinds: readonly MemberKind[] | null; clusterIds: Set<string> }>();
          for (const key of keys) {
            if (!kit.clusterIds.includes(key.clusterId)) continue;
            const kindsKey = JSON.stringify(key.kinds);
            const group = byKinds.get(kindsKey) ?? { kinds: key.kinds, clusterIds: new Set<string>() };
            group.clusterIds.add(key.clusterId);
            byKinds.set(kindsKey, group);
          }
          const loaded = new Map<string, Map<string, CompetenceFigures[]>>();
          for (const [kindsKey, group] of byKinds) loaded.set(kindsKey, await loadCompetenceFiguresByCluster(dataSource, [...group.clusterIds], group.kinds));
          return keys.map((key) => loaded.get(JSON.stringify(key.kinds))?.get(key.clusterId) ?? null);
        },
        { cacheKeyFn: (key) => JSON.stringify([key.clusterId, key.kinds]) },
      ),
  };
}
