import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type EntitySchema, type Logger, type MixedList, type QueryRunner, type ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url';
import type { RequestDeadline } from './deadline/request-deadline';
import { guardStatements, underDeadline, type StatementObserver } from './deadline/statement-guard';
import { mysqlServerOf, withoutTimeLimit, type SqlServer } from './deadline/statement-time-limit';

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
  if (target.kind === 'sqlite') {
    // WAL: readers keep reading the last committed state while the writer connection writes.
    return new SqliteDataSource({ ...common, type: 'better-sqlite3', database: target.file, enableWAL: target.file !== ':memory:' });
  }
  return new DeadlineAwareDataSource({
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
  });
}

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * A data source whose statements are observed (see `guardStatements`) and, seen through a request's
 * view (`forRequest`), keep to that request's deadline. Which MySQL server it reached is read once
 * at start, because MariaDB and MySQL limit a statement's time differently.
 */
export class DeadlineAwareDataSource extends DataSource {
  private detectedServer: SqlServer = 'sqlite';
  /** Hears of every statement's duration: the deployment's SQL metrics. None until one is set. */
  statementObserver: StatementObserver | undefined;
  /** The deadline of the request this view serves; none on the data source itself. */
  readonly requestDeadline: RequestDeadline | undefined;

  override async initialize(): Promise<this> {
    await super.initialize();
    if (this.options.type === 'mysql') {
      const [row] = (await this.query('SELECT VERSION() AS version')) as Array<{ version: string }>;
      this.detectedServer = mysqlServerOf(row?.version ?? '');
    }
    return this;
  }

  /** The data source itself, whether asked of it or of a request's view of it. */
  get root(): this {
    return this;
  }

  /**
   * The data source as one request sees it: the same connections, entities and caches, with its
   * statements under `deadline` and an entity manager of its own. Everything the request reads or
   * writes goes through it (repositories, query builders, raw statements, transactions), so the
   * deadline needs no async context to reach them. A view is cheap: an object over this one.
   */
  forRequest(deadline: RequestDeadline | undefined): this {
    const root = this.root;
    // What every view shares sits on one object between them and the data source, so that making
    // a view is plain assignments: defining its properties one by one cost a lookup 3 % of its CPU.
    root.viewPrototype ??= Object.create(root, {
      root: { value: root },
      manager: { value: undefined, writable: true },
      requestDeadline: { value: undefined, writable: true },
      sharedRunnerView: { value: undefined, writable: true },
    }) as this;
    const view = Object.create(root.viewPrototype) as this;
    const own = view as unknown as { manager: EntityManager; requestDeadline: RequestDeadline | undefined };
    own.requestDeadline = deadline;
    // TypeORM's own manager was made for the data source itself; the view's builds its queries on the view.
    own.manager = view.createEntityManager();
    return view;
  }

  /** The object every request's view is made over; see `forRequest`. */
  private viewPrototype: this | undefined;

  /** Who hears of this data source's statements; a second connection of another data source asks it. */
  protected observer(): StatementObserver | undefined {
    return this.statementObserver;
  }

  /** The SQL server behind this data source: `sqlite`, `mariadb` or `mysql`. */
  get sqlServer(): SqlServer {
    return this.detectedServer;
  }

  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    const observed = guardStatements(this.driver.createQueryRunner(mode ?? 'master'), () => this.observer());
    const deadline = this.requestDeadline;
    if (!deadline) return withOwnManager(this, observed);
    // mysql2's driver makes a runner per call, which takes the deadline itself; better-sqlite3's
    // hands every caller its one runner, seen by each request through one object of its own.
    if (this.options.type === 'mysql') return withOwnManager(this, underDeadline(observed, deadline, this.detectedServer, false));
    // The driver's one runner, so one view of it per request, made at its first statement.
    if (this.sharedRunnerView === undefined || Object.getPrototypeOf(this.sharedRunnerView) !== observed) {
      this.sharedRunnerView = withOwnManager(this, underDeadline(observed, deadline, this.detectedServer, true));
    }
    return this.sharedRunnerView;
  }

  /** A request's view of the runner better-sqlite3 shares between requests; none on the data source itself. */
  private sharedRunnerView: QueryRunner | undefined;
}

/** As TypeORM's own `createQueryRunner` does: the runner's manager runs its statements on it (a transaction's work gets it). */
function withOwnManager(dataSource: DataSource, runner: QueryRunner): QueryRunner {
  Object.assign(runner, { manager: dataSource.createEntityManager(runner) });
  return runner;
}

/** The request's view of a data source (see `DeadlineAwareDataSource.forRequest`); another data source is its own. */
export function dataSourceForRequest(dataSource: DataSource, deadline: RequestDeadline | undefined): DataSource {
  return dataSource instanceof DeadlineAwareDataSource ? dataSource.forRequest(deadline) : dataSource;
}

/** The data source a request's view was made from (caches and schedules belong to it), or the data source itself. */
export function rootDataSource(dataSource: DataSource): DataSource {
  return dataSource instanceof DeadlineAwareDataSource ? dataSource.root : dataSource;
}

/**
 * SQLite through better-sqlite3 has one connection per data source, and every request of a
 * deployment shares it: a transaction on it would be seen, uncommitted, by the reads of other
 * requests that run between its statements, and two transactions would nest. So transactions run on
 * a second connection of their own, one at a time, and the first connection only ever reads
 * committed rows (the file is in WAL mode). An in-memory database cannot be shared between two
 * connections; its transactions are only queued.
 */
export class SqliteDataSource extends DeadlineAwareDataSource {
  private writer: Promise<DeadlineAwareDataSource> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  override transaction<T>(runInTransaction: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, runInTransaction: Work<T>): Promise<T>;
  override transaction<T>(first: IsolationLevel | Work<T>, second?: Work<T>): Promise<T> {
    const work = typeof first === 'function' ? first : second!;
    // Seen through a request's view, the queue and the writer are still the data source's own.
    const root = this.root;
    const run = async () => (this.sharesFile() ? (await root.writerConnection()).forRequest(this.requestDeadline).transaction(work) : super.transaction(work));
    const next = root.queue.catch(() => undefined).then(run);
    root.queue = next;
    return next;
  }

  override async destroy(): Promise<void> {
    const writer = this.writer;
    this.writer = undefined;
    if (writer) await (await writer).destroy();
    await super.destroy();
  }

  private sharesFile(): boolean {
    return (this.options as { database?: unknown }).database !== ':memory:';
  }

  private writerConnection(): Promise<DeadlineAwareDataSource> {
    // Same entities, logger and file; the schema is already migrated by this data source.
    this.writer ??= new WriterDataSource({ ...this.options, migrations: [], migrationsRun: false } as DataSourceOptions, () => this.observer()).initialize();
    return this.writer;
  }
}

/** The writing connection of a SQLite data source: its statements are heard by whoever hears the reading one's. */
class WriterDataSource extends DeadlineAwareDataSource {
  constructor(
    options: DataSourceOptions,
    private readonly parentObserver: () => StatementObserver | undefined,
  ) {
    super(options);
  }

  protected override observer(): StatementObserver | undefined {
    return this.parentObserver();
  }
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
    // WAL mode keeps two files beside the database.
    if (target.file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target.file}${suffix}`, { force: true });
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
    // Counted as written: the time limit a request's deadline adds on MySQL is not part of it.
    this.onQuery(withoutTimeLimit(query));
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
