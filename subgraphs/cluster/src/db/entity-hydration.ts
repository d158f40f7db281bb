import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * Raw rows of one alias made into entities as TypeORM's `getMany` makes them: of the entity's
 * class (its constructor not run), each selected column converted by the driver. For statements
 * run without the query builder, whose text it wrote once for many requests.
 */
export class EntityHydration<Row extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  /** Each column as the statement names it, `<alias>_<column>` as the query builder writes it. */
  private readonly columns: ReadonlyArray<{ name: string; column: EntityMetadata['columns'][number] }>;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<Row>,
    alias: string,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    this.columns = this.metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => ({ name: DriverUtils.buildAlias(dataSource.driver, undefined, alias, column.databaseName), column }));
  }

  /** Whether this hydration can make the entity's rows alone: no inheritance, relations or embedded columns to assemble. */
  get plain(): boolean {
    return !this.metadata.discriminatorColumn && this.metadata.relations.length === 0 && this.metadata.embeddeds.length === 0;
  }

  /** Whether `raw` names every column as expected: checked on a statement's first row before trusting the names. */
  names(raw: Record<string, unknown>): boolean {
    return this.columns.every(({ name }) => name in raw);
  }

  entity(raw: Record<string, unknown>): Row {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as Row;
    const driver = this.dataSource.driver;
    for (const { name, column } of this.columns) {
      const value = raw[name];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  }
}
