import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { rowsByCluster, rowsById, rowsByParent } from './row-loaders';

/** How a feature's loaders are made: each a function building the loader the first time a request asks for it. */
export type Factories<T> = { [K in keyof T]: () => T[K] };

/** The three shapes of loader every feature's are, bound to one deployment's database and clusters. */
export interface LoaderKit {
  /** Rows by global id. */
  byId<Row extends { clusterId: string; id: number }>(entity: new () => Row): () => DataLoader<string, Row | null>;
  /** All of a cluster's rows, by cluster id, in `orderBy`. */
  byCluster<Row extends { clusterId: string }>(entity: new () => Row, orderBy: string[]): () => DataLoader<string, Row[]>;
  /** The rows under one parent (by the parent's global id), in `orderBy`. */
  byParent<Row extends { clusterId: string }>(entity: new () => Row, parentColumn: string, parentProperty: keyof Row & string, orderBy: string[]): () => DataLoader<string, Row[]>;
  dataSource: DataSource;
  clusterIds: readonly string[];
}

export function loaderKit(dataSource: DataSource, clusterIds: readonly string[]): LoaderKit {
  return {
    byId: (entity) => () => rowsById(dataSource, clusterIds, entity),
    byCluster: (entity, orderBy) => () => rowsByCluster(dataSource, clusterIds, entity, orderBy),
    byParent: (entity, parentColumn, parentProperty, orderBy) => () => rowsByParent(dataSource, clusterIds, { entity, parentColumn, parentProperty, orderBy }),
    dataSource,
    clusterIds,
  };
}
