import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Connection } from '../../../../shared/paging/connection';
import { emptyConnection, toConnection } from './connection';
import { keysetPage, pageOf, positionAfter, type KeysetOrder } from './keyset';
import { countRows, selectRows, type Varying } from './prepared-listing';
import { pageSize } from '../../../../shared/page-size';
import { SortDirection } from './sort-direction';

/** How one kind of row is listed network-wide: its table, its orderings and its filter. */
export interface Listing<Row extends ObjectLiteral & { clusterId: string; id: number }, Filter> {
  entity: EntityTarget<Row>;
  alias: string;
  /** Each public ordering: the stored sort-key column (qualified by `alias`) and its property. */
  orders: Record<string, { column: string; property: keyof Row & string }>;
  defaultOrder: string;
  applyFilter(query: SelectQueryBuilder<Row>, filter: Filter): void;
  /** Narrows every list to the rows the caller may see (projects under NDA); absent: all rows. */
  restrictToVisible?(query: SelectQueryBuilder<Row>): void;
}

export interface ListingArgs<Filter> {
  filter?: Filter | null;
  orderBy?: { field: string; direction: SortDirection } | null;
  first?: number | null;
  after?: string | null;
}

/** One keyset page of `listing` over `clusterIds`, as a Relay connection. */
export async function listConnection<Row extends ObjectLiteral & { clusterId: string; id: number }, Filter, Node>(
  dataSource: DataSource,
  listing: Listing<Row, Filter>,
  clusterIds: readonly string[],
  args: ListingArgs<Filter>,
  toNode: (row: Row) => Node,
): Promise<Connection<Node>> {
  const first = pageSize(args.first);
  if (clusterIds.length === 0) return emptyConnection();
  const field = args.orderBy?.field ?? listing.defaultOrder;
  const { column, property } = listing.orders[field]!;
  const order: KeysetOrder = { field, direction: args.orderBy?.direction ?? SortDirection.ASC, column, property };
  const varying: Varying = { clusterIds, position: positionAfter(args.after, order) };
  const filtered = ({ clusterIds: clusters }: Varying) => {
    const query = dataSource.getRepository(listing.entity).createQueryBuilder(listing.alias).where(`${listing.alias}.cluster_id IN (:...clusterIds)`, { clusterIds: clusters });
    if (args.filter) listing.applyFilter(query, args.filter);
    listing.restrictToVisible?.(query);
    return query;
  };
  // A page's statement depends on the filter's values, the order, the page size, whether a cursor
  // is given and how many clusters are asked; the count's on the filter and the clusters alone. A
  // restriction to what the caller may see depends on the caller, and is written afresh each time.
  const filterShape = listing.restrictToVisible ? null : `${listing.alias}\u0000${clusterIds.length}\u0000${JSON.stringify(args.filter ?? null)}`;
  const pageShape = filterShape === null ? null : `${filterShape}\u0000${field}:${order.direction}:${first}:${varying.position ? 'after' : 'first'}`;
  const rows = await selectRows(dataSource, listing.entity, listing.alias, pageShape, (request) => keysetPage(filtered(request), listing.alias, order, first, request.position), varying);
  return toConnection(pageOf(rows, first), order, args.after, toNode, () => countRows(dataSource, listing.entity, filterShape, filtered, { clusterIds, position: null }));
}
