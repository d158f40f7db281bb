import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { rowsByCluster, rowsById, rowsByParent } from './row-loaders';

/**
 * How a feature's loaders are made: each a function building the loader the first time a request
 * asks for it, over that request's view of the data source (so its statements keep to the request's
 * deadline, see `DeadlineAwareDataSource.forRequest`).
 */
export type Factories<T> = { [K in keyof T]: (dataSource: DataSource) => T[K] };

/** The three shapes of loader every feature's are, bound to one deployment's clusters. */
export interface LoaderKit {
  /** Rows by global id. */
  byId<Row extends { clusterId: string; id: number }>(entity: new () => Row): (dataSource: DataSource) => DataLoader<string, Row | null>;
  /** All of a cluster's rows, by cluster id, in `orderBy`. */
  byCluster<Row extends { clusterId: string }>(entity: new () => Row, orderBy: string[]): (dataSource: DataSource) => DataLoader<string, Row[]>;
  /** The rows under one parent (by the parent's global id), in `orderBy`. */
  byParent<Row extends { clusterId: string }>(entity: new () => Row, parentColumn: string, parentProperty: keyof Row & string, orderBy: string[]): (dataSource: DataSource) => DataLoader<string, Row[]>;
  clusterIds: readonly string[];
}

export function loaderKit(clusterIds: readonly string[]): LoaderKit {
  return {
    byId: (entity) => (dataSource) => rowsById(dataSource, clusterIds, entity),
    byCluster: (entity, orderBy) => (dataSource) => rowsByCluster(dataSource, clusterIds, entity, orderBy),
    byParent: (entity, parentColumn, parentProperty, orderBy) => (dataSource) => rowsByParent(dataSource, clusterIds, { entity, parentColumn, parentProperty, orderBy }),
    clusterIds,
  };
}
