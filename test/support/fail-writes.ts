import type { DataSource } from 'typeorm';

let triggers = 0;

/**
 * Makes the database itself refuse some writes to `table`: a trigger that raises an error when a
 * row matching `condition` (SQL over `NEW.<column>`, the same on SQLite and MySQL) is inserted or
 * updated. A mutation that writes other rows first must then leave no trace of them. Returns the
 * function that drops the trigger.
 */
export async function failWrites(dataSource: DataSource, table: string, event: 'INSERT' | 'UPDATE', condition: string): Promise<() => Promise<void>> {
  const name = `itro_fail_${table}_${++triggers}`;
  if (dataSource.options.type === 'mysql') {
    await dataSource.query(
      `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW BEGIN IF ${condition} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END`,
    );
  } else {
    await dataSource.query(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  }
  return async () => {
    await dataSource.query(`DROP TRIGGER ${name}`);
  };
}

/** Rows of every table of a database, by table: what "nothing was written here" is checked against. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of dataSource.entityMetadatas) {
    const rows: Array<{ n: number | string }> = await dataSource.query(`SELECT COUNT(*) AS n FROM ${metadata.tableName}`);
    counts[metadata.tableName] = Number(rows[0]!.n);
  }
  return counts;
}
