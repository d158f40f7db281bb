import { isDataStatement, isStatementTimeout, mysqlServerOf, withoutTimeLimit, withTimeLimit } from '../deadline/statement-time-limit';

describe('statement time limits', () => {
  it('limits reads and writes, never transaction control or session settings', () => {
    for (const sql of ['SELECT 1', '  select * from members', '(SELECT 1) UNION (SELECT 2)', 'INSERT INTO t VALUES (1)', 'UPDATE t SET a = 1', 'DELETE FROM t', 'WITH x AS (SELECT 1) SELECT * FROM x']) {
      expect(isDataStatement(sql)).toBe(true);
    }
    for (const sql of ['START TRANSACTION', 'BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK', 'SAVEPOINT typeorm_1', 'ROLLBACK TO SAVEPOINT typeorm_1', 'RELEASE SAVEPOINT typeorm_1', 'SET SESSION innodb_lock_wait_timeout = 3', 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE']) {
      expect(isDataStatement(sql)).toBe(false);
    }
  });

  it('gives MariaDB seconds for any statement, MySQL milliseconds for a SELECT, SQLite nothing', () => {
    expect(withTimeLimit('SELECT 1', 'mariadb', 250)).toBe('SET STATEMENT max_statement_time=0.250 FOR SELECT 1');
    // 0 would mean no limit at all: the least given is a millisecond.
    expect(withTimeLimit('UPDATE t SET a = 1', 'mariadb', 0.2)).toBe('SET STATEMENT max_statement_time=0.001 FOR UPDATE t SET a = 1');
    expect(withTimeLimit('SELECT `m`.`id` FROM members m', 'mysql', 1500.2)).toBe('SELECT /*+ MAX_EXECUTION_TIME(1501) */ `m`.`id` FROM members m');
    expect(withTimeLimit('UPDATE t SET a = 1', 'mysql', 1500)).toBe('UPDATE t SET a = 1');
    expect(withTimeLimit('SELECT 1', 'sqlite', 1500)).toBe('SELECT 1');
  });

  it('shows statements as written, without the limit', () => {
    for (const server of ['mariadb', 'mysql', 'sqlite'] as const) {
      for (const sql of ['SELECT `id` FROM members WHERE name = ?', 'INSERT INTO t VALUES (1)']) expect(withoutTimeLimit(withTimeLimit(sql, server, 1234))).toBe(sql);
    }
  });

  it('tells a server that stopped a statement at its limit from other errors', () => {
    expect(isStatementTimeout({ errno: 1969, message: 'Query execution was interrupted (max_statement_time exceeded)' })).toBe(true);
    expect(isStatementTimeout({ driverError: { errno: 3024, code: 'ER_QUERY_TIMEOUT' } })).toBe(true);
    expect(isStatementTimeout({ errno: 1213 })).toBe(false);
    expect(isStatementTimeout(new Error('boom'))).toBe(false);
    expect(isStatementTimeout(undefined)).toBe(false);
  });

  it('tells MariaDB from MySQL by its version', () => {
    expect(mysqlServerOf('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(mysqlServerOf('8.4.3')).toBe('mysql');
  });
});
