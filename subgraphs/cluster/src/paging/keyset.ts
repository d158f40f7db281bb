import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, orderName, type SortDirection, type SortValue } from '../../../../shared/cursor';
import { encodeGlobalId } from '../../../../shared/global-id';

export interface KeysetOrder {
  /** The ordering's public name, e.g. `NAME`; cursors carry it. */
  field: string;
  direction: SortDirection;
  /** The SQL column holding the stored sort key, qualified by the query's alias. */
  column: string;
  /** The entity property holding that key. */
  property: string;
}

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

interface KeyedRow extends ObjectLiteral {
  clusterId: string;
  id: number;
}

/** Where a page starts: just beyond the row a cursor names, in the network's total order. */
export interface KeysetPosition {
  value: SortValue;
  clusterId: string;
  localId: number;
}

/** The position `after` names in `order`; null for the first page. A malformed cursor is `BAD_USER_INPUT`. */
export function positionAfter(after: string | null | undefined, order: KeysetOrder): KeysetPosition | null {
  if (after === null || after === undefined) return null;
  // A decoded cursor is a position: its sort value and its row's global id.
  return decodeCursor(after, orderName(order.field, order.direction));
}

/**
 * Narrows `query` to one keyset page in the network's total order: (sort key, cluster id, local
 * id), the direction applying to the whole tuple, one row beyond the page to tell whether another
 * follows. The same cursor positions a page on every shard and on the one-database oracle, so the
 * gateway's merge is exact.
 */
export function keysetPage<Row extends KeyedRow>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  order: KeysetOrder,
  first: number,
  position: KeysetPosition | null,
): SelectQueryBuilder<Row> {
  if (position) {
    const beyond = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(
      new Brackets((outer) => {
        outer.where(`${order.column} ${beyond} :afterValue`).orWhere(
          new Brackets((tie) => {
            tie.where(`${order.column} = :afterValue`).andWhere(
              new Brackets((id) => {
                id.where(`${alias}.cluster_id ${beyond} :afterCluster`).orWhere(
                  `${alias}.cluster_id = :afterCluster AND ${alias}.id ${beyond} :afterLocal`,
                );
              }),
            );
          }),
        );
      }),
      { afterValue: position.value, afterCluster: position.clusterId, afterLocal: position.localId },
    );
  }
  return query
    .orderBy(order.column, order.direction)
    .addOrderBy(`${alias}.cluster_id`, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .limit(first + 1);
}

/** The page among `rows`, fetched one beyond it by `keysetPage`. */
export function pageOf<Row>(rows: Row[], first: number): Page<Row> {
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

export function cursorOf(row: KeyedRow, order: KeysetOrder): string {
  const value = row[order.property] as SortValue;
  return encodeCursor({
    order: orderName(order.field, order.direction),
    value,
    clusterId: row.clusterId,
    localId: row.id,
  });
}

export function globalIdOf(row: KeyedRow): string {
  return encodeGlobalId(row.clusterId, row.id);
}
