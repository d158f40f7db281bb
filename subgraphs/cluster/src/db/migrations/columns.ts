import type { QueryRunner, TableColumnOptions } from 'typeorm';

export function isMysql(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'mysql';
}

/**
 * A text column. On MySQL it takes the binary collation so that comparisons and ORDER BY agree with
 * SQLite and with the gateway's merge (code-point order); SQLite knows no such collation name.
 */
export function text(name: string, length: number, mysql: boolean): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: false, ...(mysql ? { collation: 'utf8mb4_bin' } : {}) };
}

export function integer(name: string): TableColumnOptions {
  return { name, type: 'int', isNullable: false };
}

/** `(cluster_id, id)`: the key of every cluster-owned row. */
export function idColumns(mysql: boolean): TableColumnOptions[] {
  return [{ ...text('cluster_id', 32, mysql), isPrimary: true }, { ...integer('id'), isPrimary: true }];
}
