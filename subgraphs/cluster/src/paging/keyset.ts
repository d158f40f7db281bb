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

/**
 * One keyset page in the network's total order: (sort key, cluster id, local id), the direction
 * applying to the whole tuple. The same cursor positions a page on every shard and on the
 * one-database oracle, so the gateway's merge is exact.
 */
export async function fetchKeysetPage<Row extends KeyedRow>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  order: KeysetOrder,
  first: number,
  after: string | null | undefined,
): Promise<Page<Row>> {
  const order_ = orderName(order.field, order.direction);
  if (after !== null && after !== undefined) {
    const cursor = decodeCursor(after, order_);
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
      { afterValue: cursor.value, afterCluster: cursor.clusterId, afterLocal: cursor.localId },
    );
  }
  const rows = await query
    .orderBy(order.column, order.direction)
    .addOrderBy(`${alias}.cluster_id`, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .limit(first + 1)
    .getMany();
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
