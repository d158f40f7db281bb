import type { EntityManager } from 'typeorm';

/**
 * Where a table's next id comes from: one sequence row per numbering, in a table of sequence rows.
 *
 * Why a row and not `SELECT MAX(id) + 1 … FOR UPDATE`: on MySQL that locking read takes next-key
 * locks on the key range it scans, including the gap after the last row. Gap locks do not exclude
 * one another, so two writers both hold the gap and then both insert into it; each insert waits for
 * the other's gap lock, and InnoDB rolls one back as a deadlock — a few percent of writes at a dozen
 * concurrent writers, often enough to exhaust any retry budget. An exclusive lock on one existing
 * sequence row is a plain record lock: the second writer waits for the first to commit and never
 * deadlocks with it.
 */
export interface IdSequence {
  /** The table of sequence rows (`local_id_sequences` in a cluster's database, `id_sequences` in the network's). */
  sequences: string;
  /** The table whose ids it hands out. */
  table: string;
  /**
   * Columns that narrow both the sequence row and `table`'s rows to one numbering, with their
   * values (`{ cluster_id: 'banat' }`); empty when the table is numbered as a whole.
   */
  scope: Readonly<Record<string, string>>;
}

// Table and column names are spliced into SQL: only code names them, and this keeps it so.
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/**
 * Takes the sequence's lock until the transaction ends, creating its row if it has none yet. A
 * write that must see every earlier writer of the table (a name check before a rename) takes it
 * too, without using an id.
 *
 * Call it before the transaction's first plain read: on MySQL that read fixes the snapshot every
 * later plain read sees, and taken after the lock, it includes whatever the writer before committed.
 */
export async function lockIdSequence(manager: EntityManager, sequence: IdSequence): Promise<void> {
  const { columns, values } = sequenceKey(sequence);
  const names = [...columns, 'last_id'].join(', ');
  const placeholders = [...columns.map(() => '?'), '0'].join(', ');
  // An upsert rather than "read, then insert if missing": two writers that both find no row would
  // both hold the gap where it goes, and deadlock inserting it. On MySQL a duplicate primary key in
  // ON DUPLICATE KEY UPDATE takes an exclusive record lock, so the second writer simply waits.
  // SQLite runs one writer at a time (see `SqliteDataSource`), so there it only creates the row.
  const sql = isMysql(manager)
    ? `INSERT INTO ${sequence.sequences} (${names}) VALUES (${placeholders}) ON DUPLICATE KEY UPDATE last_id = last_id`
    : `INSERT OR IGNORE INTO ${sequence.sequences} (${names}) VALUES (${placeholders})`;
  await manager.query(sql, values);
}

/**
 * The next id of the sequence, taken inside the caller's transaction: it holds the sequence's lock
 * until it commits, and a rollback gives the id back. Ids follow both the last one handed out and
 * the table's largest, since some rows come with ids of their own (the seed, rows older than the
 * sequence), so a sequence needs no initialising and survives a re-seed.
 */
export async function nextId(manager: EntityManager, sequence: IdSequence): Promise<number> {
  await lockIdSequence(manager, sequence);
  const { where, values } = sequenceKey(sequence);
  // A locking read on MySQL, so that it reads the committed row, not this transaction's snapshot.
  const lock = isMysql(manager) ? ' FOR UPDATE' : '';
  const [row] = (await manager.query(`SELECT last_id FROM ${sequence.sequences} WHERE ${where}${lock}`, values)) as Array<{ last_id: number | string }>;
  const scope = Object.keys(sequence.scope);
  // A plain read, locking nothing: rows written through the sequence are below `last_id` already, and
  // rows written with ids of their own were there before any writer that contends for it.
  const [top] = (await manager.query(
    `SELECT MAX(id) AS top FROM ${sequence.table}${scope.length ? ` WHERE ${scope.map((column) => `${column} = ?`).join(' AND ')}` : ''}`,
    Object.values(sequence.scope),
  )) as Array<{ top: number | string | null }>;
  const next = Math.max(Number(row?.last_id ?? 0), Number(top?.top ?? 0)) + 1;
  await manager.query(`UPDATE ${sequence.sequences} SET last_id = ? WHERE ${where}`, [next, ...values]);
  return next;
}

function sequenceKey(sequence: IdSequence): { columns: string[]; values: string[]; where: string } {
  const columns = [...Object.keys(sequence.scope), 'table_name'];
  for (const name of [sequence.sequences, sequence.table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier of this code base: ${JSON.stringify(name)}`);
  }
  return { columns, values: [...Object.values(sequence.scope), sequence.table], where: columns.map((column) => `${column} = ?`).join(' AND ') };
}

function isMysql(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql';
}
