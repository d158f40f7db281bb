import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { GlobalId } from '../../../../shared/global-id';
import { rootDataSource } from '../../../../shared/data-source';
import { whereKeysIn } from './by-cluster';
import { EntityHydration } from './entity-hydration';

const ALIAS = 'r';
/** Shapes kept at most; a stream of unusual batches starts the cache over rather than growing it. */
const MAX_SHAPES = 1_000;

/** A statement prepared for one shape of key set: its text. */
interface Prepared {
  sql: string;
}

/**
 * Rows of an entity by (cluster id, key column) pairs, as `whereKeysIn` on TypeORM's query builder
 * selects them, with the statement's text built once per shape of the key set (how many keys of
 * each cluster) instead of at every batch: building it, each time the same, cost TypeORM more than
 * running it (a CPU profile of the cluster subgraph under `member(id:)` lookups). The rows are made
 * into entities from the entity's metadata, as TypeORM's `getMany` makes them.
 *
 * A shape whose parameters TypeORM orders otherwise than this expects, or whose rows name their
 * columns otherwise, is left to the query builder: never a wrong row, at worst the slower path.
 */
export class KeyedSelect<Row extends ObjectLiteral> {
  private readonly prepared = new Map<string, Prepared | 'builder'>();
  private readonly hydration: EntityHydration<Row>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<Row>,
    /** The key column, e.g. `r.id` or `r.member_id`; the cluster column is `r.cluster_id`. */
    private readonly keyColumn: string,
    /** Orderings, e.g. `['r.year DESC']`. */
    private readonly orderBy: readonly string[] = [],
  ) {
    this.hydration = new EntityHydration(dataSource, entity, ALIAS);
  }

  /** `through`: the request's view of the data source, whose deadline its statement keeps to. */
  async rows(keys: readonly GlobalId[], through: DataSource): Promise<Row[]> {
    const byCluster = new Map<string, number[]>();
    for (const key of keys) byCluster.set(key.clusterId, [...(byCluster.get(key.clusterId) ?? []), key.localId]);
    const shape = [...byCluster.values()].map((ids) => ids.length).join(',');
    const parameters = [...byCluster].flatMap(([clusterId, ids]) => [clusterId, ...ids]);
    let prepared = this.prepared.get(shape);
    if (prepared === undefined) {
      if (this.prepared.size >= MAX_SHAPES) this.prepared.clear();
      prepared = this.prepare(keys, parameters);
      this.prepared.set(shape, prepared);
    }
    if (prepared === 'builder') return this.builder(keys, through).getMany();
    const raw = (await through.query(prepared.sql, parameters)) as Array<Record<string, unknown>>;
    if (raw.length > 0 && !this.hydration.names(raw[0]!)) {
      this.prepared.set(shape, 'builder');
      return this.builder(keys, through).getMany();
    }
    return raw.map((values) => this.hydration.entity(values));
  }

  private builder(keys: readonly GlobalId[], through: DataSource = this.dataSource): SelectQueryBuilder<Row> {
    const query = whereKeysIn(through.getRepository(this.entity).createQueryBuilder(ALIAS), `${ALIAS}.cluster_id`, this.keyColumn, keys, 'k');
    for (const order of this.orderBy) {
      const [column, direction] = order.split(' ');
      query.addOrderBy(column!, direction === 'DESC' ? 'DESC' : 'ASC');
    }
    return query;
  }

  /** The statement for keys of this shape, when TypeORM's text takes its parameters in the order `rows` gives them. */
  private prepare(keys: readonly GlobalId[], parameters: readonly unknown[]): Prepared | 'builder' {
    const [sql, built] = this.builder(keys).getQueryAndParameters();
    const same = built.length === parameters.length && built.every((value, index) => value === parameters[index]);
    if (!same) return 'builder';
    return { sql };
  }
}

const shared = new WeakMap<DataSource, Map<unknown, Map<string, KeyedSelect<ObjectLiteral>>>>();

/**
 * The one `KeyedSelect` of a data source for an entity, key column and order: loaders are made per
 * request, while the statements they prepare serve the deployment's whole life (kept by the data
 * source itself, whichever request's view asks).
 */
export function keyedSelect<Row extends ObjectLiteral>(asked: DataSource, entity: EntityTarget<Row>, keyColumn: string, orderBy: readonly string[] = []): KeyedSelect<Row> {
  const dataSource = rootDataSource(asked);
  let byEntity = shared.get(dataSource);
  if (!byEntity) shared.set(dataSource, (byEntity = new Map()));
  let byShape = byEntity.get(entity);
  if (!byShape) byEntity.set(entity, (byShape = new Map()));
  const key = `${keyColumn}|${orderBy.join(',')}`;
  let select = byShape.get(key);
  if (!select) byShape.set(key, (select = new KeyedSelect(dataSource, entity, keyColumn, orderBy) as unknown as KeyedSelect<ObjectLiteral>));
  return select as unknown as KeyedSelect<Row>;
}
