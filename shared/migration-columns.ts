import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column helpers for the migrations of every subgraph, so both backends get the same tables. */
export function isMysql(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'mysql';
}

/**
 * A text column. On MySQL it takes the binary collation so that equality, comparisons and ORDER BY
 * agree with SQLite and with the gateway's merge (code-point order, case-sensitive ids); SQLite
 * knows no such collation name.
 */
export function text(name: string, length: number, mysql: boolean): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: false, ...(mysql ? { collation: 'utf8mb4_bin' } : {}) };
}

export function integer(name: string): TableColumnOptions {
  return { name, type: 'int', isNullable: false };
}
