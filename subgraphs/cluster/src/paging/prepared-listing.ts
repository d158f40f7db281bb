import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rootDataSource } from '../../../../shared/data-source';
import { EntityHydration } from '../db/entity-hydration';
import type { KeysetPosition } from './keyset';

/**
 * A listing's statements written once per shape and run again with only what varies.
 *
 * Writing a page's SQL through TypeORM's query builder and turning its rows into entities cost a
 * cluster about as much as running the statement: a shard answers the same few shapes of page
 * thousands of times (the dashboard's first page, the next page of the same filter). So the
 * statement of one shape (listing, filter, order, page size, whether it starts at a cursor, how
 * many clusters) is asked of the query builder once, with stand-ins for the values that vary
 * between requests of that shape (the clusters asked and the cursor's position); later requests
 * put their own values in the stand-ins' places and hydrate the rows with the entity's own column
 * conversions. The builder stays the one place a listing's SQL is written: a shape it writes
 * differently (a stand-in it writes into the text, a join) is simply run through it every time.
 */

/** What changes between two requests of one shape: the clusters asked and where the page starts. */
export interface Varying {
  clusterIds: readonly string[];
  position: KeysetPosition | null;
}

/** Builds a listing's query for `varying`; called with real values or with stand-ins, alike. */
export type BuildQuery<Row extends ObjectLiteral> = (varying: Varying) => SelectQueryBuilder<Row>;

type Slot = { value: unknown } | { take: (varying: Varying) => unknown };

interface Prepared {
  sql: string;
  slots: Slot[];
}

const STAND_IN = '\u0000varying:';
/** Shapes kept per data source; beyond it the set starts again (filters typed by hand are many, pages of one filter few). */
const MAX_SHAPES = 512;
const shapesBySource = new WeakMap<DataSource, Map<string, Prepared | null>>();

/**
 * Stand-ins for `varying`'s values, each a string no caller can send (it starts with NUL), and how
 * to take a request's own value for each. A string stands in for the local id too: TypeORM passes
 * a parameter on unread, and the stand-in's places are found by its text.
 */
function standIns(varying: Varying): { standIn: Varying; takes: Map<string, (request: Varying) => unknown> } {
  const takes = new Map<string, (request: Varying) => unknown>();
  const clusterIds = varying.clusterIds.map((_id, index) => {
    const text = `${STAND_IN}cluster:${index}`;
    takes.set(text, (request) => request.clusterIds[index]);
    return text;
  });
  let position: KeysetPosition | null = null;
  if (varying.position) {
    const value = `${STAND_IN}after:value`;
    const clusterId = `${STAND_IN}after:cluster`;
    const localId = `${STAND_IN}after:local`;
    takes.set(value, (request) => request.position?.value);
    takes.set(clusterId, (request) => request.position?.clusterId);
    takes.set(localId, (request) => request.position?.localId);
    position = { value, clusterId, localId: localId as unknown as number };
  }
  return { standIn: { clusterIds, position }, takes };
}

/** The statement `query` writes for stand-ins, or null when the builder did not keep each in a parameter of its own. */
function prepare<Row extends ObjectLiteral>(query: SelectQueryBuilder<Row>, takes: Map<string, (request: Varying) => unknown>): Prepared | null {
  const [sql, parameters] = query.getQueryAndParameters();
  if (sql.includes(STAND_IN)) return null;
  const placed = new Set<string>();
  const slots: Slot[] = [];
  for (const parameter of parameters as unknown[]) {
    if (typeof parameter === 'string' && parameter.includes(STAND_IN)) {
      const take = takes.get(parameter);
      // Part of a stand-in inside a caller's value (a pattern built around it, say): not a slot.
      if (!take) return null;
      placed.add(parameter);
      slots.push({ take });
    } else {
      slots.push({ value: parameter });
    }
  }
  return placed.size === takes.size ? { sql, slots } : null;
}

function preparedFor<Row extends ObjectLiteral>(
  dataSource: DataSource,
  shape: string,
  varying: Varying,
  build: (standIn: Varying) => SelectQueryBuilder<Row> | null,
): Prepared | null {
  // Kept by the data source itself, whichever request's view asks.
  const database = rootDataSource(dataSource);
  let shapes = shapesBySource.get(database);
  if (!shapes) shapesBySource.set(database, (shapes = new Map()));
  let prepared = shapes.get(shape);
  if (prepared === undefined) {
    const { standIn, takes } = standIns(varying);
    const query = build(standIn);
    prepared = query ? prepare(query, takes) : null;
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(shape, prepared);
  }
  return prepared;
}

/** Marks a shape as one the query builder runs every time. */
function forget(dataSource: DataSource, shape: string): void {
  shapesBySource.get(rootDataSource(dataSource))?.set(shape, null);
}

function run(dataSource: DataSource, prepared: Prepared, varying: Varying): Promise<Array<Record<string, unknown>>> {
  const parameters = prepared.slots.map((slot) => ('value' in slot ? slot.value : slot.take(varying)));
  return dataSource.query(prepared.sql, parameters);
}

const hydrationsBySource = new WeakMap<DataSource, Map<string, EntityHydration<ObjectLiteral>>>();

function hydrationFor<Row extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<Row>, alias: string): EntityHydration<Row> | null {
  const database = rootDataSource(dataSource);
  let hydrations = hydrationsBySource.get(database);
  if (!hydrations) hydrationsBySource.set(database, (hydrations = new Map()));
  const key = `${database.getMetadata(entity).name}\u0000${alias}`;
  let hydration = hydrations.get(key) as EntityHydration<Row> | undefined;
  if (!hydration) hydrations.set(key, (hydration = new EntityHydration(database, entity, alias)) as unknown as EntityHydration<ObjectLiteral>);
  // Entities whose rows need more than their own columns keep TypeORM's hydration.
  return hydration.plain ? hydration : null;
}

/**
 * The rows of `build(varying)`'s query, as `getMany` gives them: through the statement prepared
 * for `shape` when there is one (null: not preparable, such as a caller-dependent restriction).
 */
export async function selectRows<Row extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  alias: string,
  shape: string | null,
  build: BuildQuery<Row>,
  varying: Varying,
): Promise<Row[]> {
  const hydration = shape === null ? null : hydrationFor(dataSource, entity, alias);
  const key = `rows\u0000${dataSource.getMetadata(entity).name}\u0000${shape}`;
  const prepared = hydration ? preparedFor(dataSource, key, varying, (standIn) => withoutJoins(build(standIn))) : null;
  if (!hydration || !prepared) return build(varying).getMany();
  const raw = await run(dataSource, prepared, varying);
  if (raw.length > 0 && !hydration.names(raw[0]!)) {
    // The driver named the columns otherwise: this shape goes through the query builder from now on.
    forget(dataSource, key);
    return build(varying).getMany();
  }
  return raw.map((values) => hydration.entity(values));
}

/** How many rows `build(varying)`'s query matches, as `getCount` tells it. */
export async function countRows<Row extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  shape: string | null,
  build: BuildQuery<Row>,
  varying: Varying,
): Promise<number> {
  // Without joins TypeORM counts with COUNT(1); with them it counts distinct keys, and that shape is left to it.
  const prepared = shape === null ? null : preparedFor(dataSource, `count\u0000${dataSource.getMetadata(entity).name}\u0000${shape}`, varying, (standIn) => withoutJoins(build(standIn))?.select('COUNT(1)', 'cnt') ?? null);
  if (!prepared) return build(varying).getCount();
  const [row] = await run(dataSource, prepared, varying);
  return Number(row?.cnt ?? 0);
}

function withoutJoins<Row extends ObjectLiteral>(query: SelectQueryBuilder<Row>): SelectQueryBuilder<Row> | null {
  const map = query.expressionMap;
  return map.joinAttributes.length === 0 && map.relationIdAttributes.length === 0 && map.relationCountAttributes.length === 0 ? query : null;
}
