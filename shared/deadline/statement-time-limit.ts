/**
 * How a statement is given only the time its request has left, per SQL server. Detected once per
 * data source (`sqlServerOf`), because the two MySQL dialects name and count the limit differently.
 */
export type SqlServer = 'sqlite' | 'mariadb' | 'mysql';

/** Statements that read or write rows: the ones a deadline applies to. */
const DATA_STATEMENT = /^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i;
const LEADING_SELECT = /^\s*SELECT\b/i;

/**
 * Whether a deadline applies to a statement. Transaction control (`START TRANSACTION`, `COMMIT`,
 * `ROLLBACK`, savepoints) and session settings are never refused nor limited: a transaction that the
 * deadline cut short must still be rolled back, and its connection go back to the pool clean.
 */
export function isDataStatement(sql: string): boolean {
  return DATA_STATEMENT.test(sql);
}

/**
 * The statement, limited to `remainingMs` by the server itself.
 * - MariaDB: `SET STATEMENT max_statement_time = <seconds> FOR …` applies to this statement alone and
 *   to reads and writes alike (it counts seconds, with microseconds after the point; 0 would mean no
 *   limit, so the least given is one millisecond).
 * - MySQL: the optimizer hint `MAX_EXECUTION_TIME(<milliseconds>)`, which MySQL honours on SELECT
 *   only; its writes are bounded by the lock wait timeout the transaction sets and by the refusal of
 *   any statement after the deadline.
 * - SQLite: unchanged; better-sqlite3 runs a statement to its end (see `StatementGuard`).
 */
export function withTimeLimit(sql: string, server: SqlServer, remainingMs: number): string {
  const ms = Math.max(1, Math.ceil(remainingMs));
  if (server === 'mariadb') return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${sql}`;
  if (server === 'mysql') return sql.replace(LEADING_SELECT, (select) => `${select} /*+ MAX_EXECUTION_TIME(${ms}) */`);
  return sql;
}

const MARIADB_LIMIT = /^SET STATEMENT max_statement_time=[\d.]+ FOR /;
const MYSQL_HINT = /^(\s*SELECT) \/\*\+ MAX_EXECUTION_TIME\(\d+\) \*\//i;

/** The statement as it was written, without the limit `withTimeLimit` gave it: what statement counts and logs show. */
export function withoutTimeLimit(sql: string): string {
  return sql.replace(MARIADB_LIMIT, '').replace(MYSQL_HINT, '$1');
}

/** MariaDB's ER_STATEMENT_TIMEOUT and MySQL's ER_QUERY_TIMEOUT: the server stopped a statement at its limit. */
const STATEMENT_TIMEOUT_ERRNOS = new Set([1969, 3024]);

export function isStatementTimeout(error: unknown): boolean {
  const { errno, driverError } = (error ?? {}) as { errno?: unknown; driverError?: { errno?: unknown } };
  return STATEMENT_TIMEOUT_ERRNOS.has(Number(errno ?? driverError?.errno));
}

/** Which server a MySQL connection reached, from `SELECT VERSION()` (MariaDB says so in it). */
export function mysqlServerOf(version: string): Extract<SqlServer, 'mariadb' | 'mysql'> {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}
