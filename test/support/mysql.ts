import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeRequiring, type Probe } from './required-service';

/**
 * Runs integration suites on both backends. SQLite always runs; MySQL runs when the server at
 * `MYSQL_URL` (default `mysql://root@127.0.0.1:3306`) answers. When it does not, CI (`CI=true`) fails
 * the suite, because a green CI run that never touched MySQL would be a lie; elsewhere the suite is
 * skipped with a loud warning (see `describeRequiring`), so that a laptop without MariaDB can still run the rest.
 */

export type BackendKind = 'sqlite' | 'mysql';

export interface Backend {
  kind: BackendKind;
  /** A database URL for this backend; `name` becomes the MySQL database or the SQLite file name. */
  databaseUrl(name: string): string;
}

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';
const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** The MySQL server's URL without a database. */
export function mysqlBaseUrl(): string {
  const url = new URL(process.env.MYSQL_URL || DEFAULT_MYSQL_URL);
  url.pathname = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** The URL of one database on the MySQL server. */
export function mysqlDatabaseUrl(database: string): string {
  if (!DATABASE_NAME.test(database)) throw new RangeError(`Invalid MySQL database name ${JSON.stringify(database)}`);
  return `${mysqlBaseUrl()}/${database}`;
}

/**
 * Registers `describe(name)` once per backend. Jest collects tests synchronously, so whether the
 * MySQL block is skipped must be known at load time: a short child process tries to connect.
 */
export function describeOnBothBackends(name: string, fn: (backend: Backend) => void): void {
  describe(`${name} [sqlite]`, () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-test-'));
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
    fn({ kind: 'sqlite', databaseUrl: (database) => `sqlite:${path.join(folder, `${safeFileName(database)}.sqlite`)}` });
  });

  const mysql: Backend = { kind: 'mysql', databaseUrl: mysqlDatabaseUrl };
  loadTimeProbe ??= probeMysql();
  describeRequiring(`${name} [mysql]`, { what: `MySQL at ${redacted()}`, probe: loadTimeProbe, recheck: probeMysql, hint: 'Start MariaDB or set MYSQL_URL' }, () => fn(mysql));
}

// One probe per test file at collection time, however many suites the file registers.
let loadTimeProbe: Probe | undefined;

// Connects and runs `SELECT 1` in a child process, because it must finish before jest collects tests.
const PROBE_SCRIPT = `
const { createConnection } = require(process.env.ITRO_MYSQL2_PATH);
const target = JSON.parse(process.env.ITRO_MYSQL_TARGET);
(async () => {
  const connection = await createConnection({ ...target, connectTimeout: 3000 });
  try { await connection.query('SELECT 1'); } finally { await connection.end(); }
})().then(() => process.exit(0), (error) => { process.stderr.write(String(error && (error.code || error.message))); process.exit(1); });
`;

function probeMysql(): Probe {
  let target: { host: string; port: number; user: string; password: string };
  try {
    const url = new URL(mysqlBaseUrl());
    target = {
      host: url.hostname || '127.0.0.1',
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    };
  } catch (error) {
    return { ok: false, reason: `MYSQL_URL is not a URL: ${String(error)}` };
  }
  const result = spawnSync(process.execPath, ['-e', PROBE_SCRIPT], {
    env: {
      ...process.env,
      ITRO_MYSQL2_PATH: require.resolve('mysql2/promise'),
      ITRO_MYSQL_TARGET: JSON.stringify(target),
    },
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.status === 0) return { ok: true };
  const reason = result.error?.message ?? (result.stderr.trim() || `probe exited with ${result.status ?? result.signal}`);
  return { ok: false, reason };
}

function redacted(): string {
  return mysqlBaseUrl().replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}
