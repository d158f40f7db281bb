import DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { loadClusterFigures, type ClusterFigures } from './stats.store';

/** A cluster's figures, for the network's aggregates. */
export interface StatsLoaders {
  clusterFigures: DataLoader<string, ClusterFigures | null>;
}

export function statsLoaders({ clusterIds }: LoaderKit): Factories<StatsLoaders> {
  return {
    clusterFigures: (dataSource) => new DataLoader(async (keys) => {
      const wanted = keys.filter((key) => clusterIds.includes(key));
      const figures = wanted.length === 0 ? new Map<string, ClusterFigures>() : await loadClusterFigures(dataSource, wanted);
      return keys.map((key) => figures.get(key) ?? null);
    }),
  };
}
