import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url';

export interface DataSourceSpec {
  url: string;
  // TypeORM's own option types: entity classes and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Called with every SQL statement; tests count them. */
  onQuery?: (sql: string) => void;
}

/**
 * A TypeORM data source on SQLite (better-sqlite3) or MySQL (mysql2), chosen by URL. Schema changes
 * go through migrations only: `synchronize` stays off on every backend.
 */
export function createDataSource(spec: DataSourceSpec): DataSource {
  const target = parseDatabaseUrl(spec.url);
  const common = {
    entities: spec.entities,
    migrations: spec.migrations,
    synchronize: false,
    migrationsRun: false,
    // TypeORM hands every statement to its logger; tests count them through `onQuery`.
    logging: spec.onQuery ? ['query' as const] : false,
    logger: spec.onQuery ? new StatementCounter(spec.onQuery) : undefined,
  };
  const options: DataSourceOptions =
    target.kind === 'sqlite'
      ? { ...common, type: 'better-sqlite3', database: target.file }
      : {
          ...common,
          type: 'mysql',
          host: target.host,
          port: target.port,
          username: target.user,
          password: target.password,
          database: target.database,
          charset: 'utf8mb4_bin',
          poolSize: 8,
          supportBigNumbers: true,
          bigNumberStrings: false,
        };
  return new DataSource(options);
}

/** Creates the SQLite file's folder or the MySQL database (binary collation, so it sorts like SQLite). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
    return;
  }
  const connection = await connectServer(target);
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
    );
  } finally {
    await connection.end();
  }
}

/** Drops a database (tests and re-seeding); a missing SQLite file is fine. */
export async function dropDatabase(url: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.rmSync(target.file, { force: true });
    return;
  }
  const connection = await connectServer(target);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await connection.end();
  }
}

/** Whether a database already holds a migrated schema. */
export async function databaseExists(url: string): Promise<boolean> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') return target.file !== ':memory:' && fs.existsSync(target.file);
  const connection = await connectServer(target);
  try {
    const [rows] = await connection.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      target.database,
    ]);
    return Array.isArray(rows) && rows.length > 0;
  } finally {
    await connection.end();
  }
}

function connectServer(target: Extract<DatabaseTarget, { kind: 'mysql' }>) {
  return createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
}

class StatementCounter implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}
  logQuery(query: string): void {
    this.onQuery(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
