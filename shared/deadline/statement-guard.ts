import type { QueryRunner } from 'typeorm';
import type { RequestDeadline } from './request-deadline';
import { inSpan, SpanKind, tracing } from '../tracing/tracing';
import { isDataStatement, isStatementTimeout, withTimeLimit, type SqlServer } from './statement-time-limit';

type Query = (sql: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>;

const guarded = new WeakSet<QueryRunner>();

/** The kind of a statement, as metrics label it. */
export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'other';

/** Hears of every statement a guarded runner ran: its kind, its duration in seconds, and whether it failed. */
export type StatementObserver = (statement: StatementKind, seconds: number, failed: boolean) => void;

const KIND = /^\s*\(?\s*(select|insert|update|delete)\b/i;

function kindOf(sql: string): StatementKind {
  return (KIND.exec(sql)?.[1]?.toLowerCase() as StatementKind | undefined) ?? 'other';
}

/**
 * Has every statement a query runner runs observed (its kind, its time, a span in a traced request).
 * Applied once to each runner the data source makes, for requests and for start-up, migrations
 * and seeding alike; a request's deadline is added over it by `underDeadline`.
 */
export function guardStatements(runner: QueryRunner, observer: () => StatementObserver | undefined = () => undefined): QueryRunner {
  // better-sqlite3's driver hands out one runner for every caller: it is wrapped once.
  if (guarded.has(runner)) return runner;
  guarded.add(runner);
  const unobserved: Query = runner.query.bind(runner);
  // Timed as the statement it was asked to run (a time limit rewrites its text on MySQL). The
  // observer is asked at each statement: it may be set after the runner was made.
  const observed = async (asked: string, sql: string, parameters?: unknown[], useStructuredResult?: boolean) => {
    const observe = observer();
    if (!observe) return unobserved(sql, parameters, useStructuredResult);
    const started = process.hrtime.bigint();
    let failed = true;
    try {
      const result = await unobserved(sql, parameters, useStructuredResult);
      failed = false;
      return result;
    } finally {
      observe(kindOf(asked), Number(process.hrtime.bigint() - started) / 1e9, failed);
    }
  };
  const query = (asked: string, sql: string, parameters?: unknown[], useStructuredResult?: boolean) =>
    // A span per statement of a traced request; none for start-up, migrations and seeding.
    tracing() ? inSpan(`sql ${kindOf(asked)}`, SpanKind.CLIENT, { 'db.operation.name': kindOf(asked) }, () => observed(asked, sql, parameters, useStructuredResult)) : observed(asked, sql, parameters, useStructuredResult);
  observedStatements.set(runner, query);
  const plain: Query = (sql, parameters, useStructuredResult) => query(sql, sql, parameters, useStructuredResult);
  runner.query = plain as QueryRunner['query'];
  return runner;
}

/** Each observed runner's statement function, which `underDeadline` calls with the statement's text as asked and as run. */
const observedStatements = new WeakMap<QueryRunner, (asked: string, sql: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>>();

/**
 * A query runner whose every statement keeps to one request's deadline:
 * - none starts once the deadline has passed (DEADLINE_EXCEEDED instead), on every backend;
 * - on MariaDB and MySQL each is given only the time that is left, and the server stops it there;
 *   its error is told as DEADLINE_EXCEEDED too.
 * On SQLite a statement that has started runs to its end: better-sqlite3 runs it synchronously and
 * has no way to interrupt it. There, what bounds one statement is the shape of what may be asked
 * (pages of at most 100 rows by indexed keys, the operation limits, the cap on entities).
 *
 * The request's deadline reaches its statements through the runner, not through async context:
 * on Node 20 an AsyncLocalStorage in use makes every promise of the process pay a hook (a fifth of
 * a subgraph's CPU on a lookup). A runner that serves one caller (MySQL's, one per call) takes
 * the deadline itself; the one runner SQLite shares between requests is seen through an object of
 * the request's own, so the request's transaction state stays its own too.
 */
export function underDeadline(runner: QueryRunner, deadline: RequestDeadline, server: SqlServer, shared: boolean): QueryRunner {
  const query = observedStatements.get(runner);
  if (!query) throw new Error('underDeadline: the runner is not observed (see guardStatements)');
  const bound: QueryRunner = shared ? (Object.create(runner) as QueryRunner) : runner;
  const timed: Query = async (sql, parameters, useStructuredResult) => {
    if (!isDataStatement(sql)) return query(sql, sql, parameters, useStructuredResult);
    if (deadline.expired) throw deadline.exceeded();
    // A statement may wait for a pooled connection first: the time left is read once it has one.
    await runner.connect();
    if (deadline.expired) throw deadline.exceeded();
    try {
      return await query(sql, withTimeLimit(sql, server, deadline.remainingMs()), parameters, useStructuredResult);
    } catch (error) {
      throw isStatementTimeout(error) ? deadline.exceeded() : error;
    }
  };
  // QueryRunner declares `query` with overloads (a structured result or rows); this one function
  // serves both, as the driver's own does.
  Object.defineProperty(bound, 'query', { value: timed, writable: true, configurable: true });
  return bound;
}
