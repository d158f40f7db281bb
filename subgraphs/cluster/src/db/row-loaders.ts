import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { tryDecodeGlobalId, type GlobalId } from '../../../../shared/global-id';
import { keyOf } from './by-cluster';
import { keyedSelect } from './keyed-select';

/** Keys are global ids; ids of clusters this deployment does not serve resolve to nothing. */
export function ownKeys(keys: readonly string[], clusterIds: readonly string[]): GlobalId[] {
  return keys.map(tryDecodeGlobalId).filter((key): key is GlobalId => key !== null && clusterIds.includes(key.clusterId));
}

interface ClusterRow extends ObjectLiteral {
  clusterId: string;
}

/** The row a loader holds for `id`, as a node; null for no id or no row. */
export async function loadOptional<Row, Node>(loader: { load(key: string): Promise<Row | null> }, id: string | null, map: (row: Row) => Node): Promise<Node | null> {
  if (id === null) return null;
  const row = await loader.load(id);
  return row ? map(row) : null;
}

/** Rows by global id, one statement per batch. */
export function rowsById<Row extends ClusterRow & { id: number }>(
  dataSource: DataSource,
  clusterIds: readonly string[],
  entity: EntityTarget<Row>,
): DataLoader<string, Row | null> {
  const select = keyedSelect(dataSource, entity, 'r.id');
  return new DataLoader(async (keys) => {
    const wanted = ownKeys(keys, clusterIds);
    if (wanted.length === 0) return keys.map(() => null);
    const rows = await select.rows(wanted, dataSource);
    const byKey = new Map(rows.map((row) => [keyOf(row.clusterId, row.id), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

export interface ChildRows<Row> {
  entity: EntityTarget<Row>;
  /** The column holding the parent's local id (the parent is of the row's own cluster). */
  parentColumn: string;
  parentProperty: keyof Row & string;
  /** Columns ordering each parent's rows, e.g. `['r.year DESC']`; the key breaks ties. */
  orderBy: string[];
}

/** Each parent's rows (by the parent's global id), one statement per batch. */
export function rowsByParent<Row extends ClusterRow>(
  dataSource: DataSource,
  clusterIds: readonly string[],
  spec: ChildRows<Row>,
): DataLoader<string, Row[]> {
  const select = keyedSelect(dataSource, spec.entity, `r.${spec.parentColumn}`, spec.orderBy);
  return new DataLoader(async (keys) => {
    const wanted = ownKeys(keys, clusterIds);
    if (wanted.length === 0) return keys.map(() => []);
    const rows = await select.rows(wanted, dataSource);
    const byParent = new Map<string, Row[]>();
    for (const row of rows) {
      const key = keyOf(row.clusterId, Number(row[spec.parentProperty]));
      byParent.set(key, [...(byParent.get(key) ?? []), row]);
    }
    return keys.map((key) => byParent.get(key) ?? []);
  });
}

/** A cluster's rows (by cluster id), for the short lists a cluster page shows. */
export function rowsByCluster<Row extends ClusterRow>(
  dataSource: DataSource,
  clusterIds: readonly string[],
  entity: EntityTarget<Row>,
  orderBy: string[],
): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const wanted = keys.filter((key) => clusterIds.includes(key));
    if (wanted.length === 0) return keys.map(() => []);
    const query = dataSource.getRepository(entity).createQueryBuilder('r').where('r.cluster_id IN (:...wanted)', { wanted });
    for (const order of orderBy) {
      const [column, direction] = order.split(' ');
      query.addOrderBy(column!, direction === 'DESC' ? 'DESC' : 'ASC');
    }
    const rows = await query.getMany();
    return keys.map((key) => rows.filter((row) => row.clusterId === key));
  });
}
