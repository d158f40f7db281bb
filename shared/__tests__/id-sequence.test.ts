import type { DataSource } from 'typeorm';
import { describeOnBothBackends } from '../../test/support/mysql';
import { createDataSource, dropDatabase, ensureDatabase } from '../data-source';
import { lockIdSequence, nextId, type IdSequence } from '../id-sequence';
import { runInTransaction } from '../transaction';

/** Ids from sequence rows: after the table's largest and the last handed out, per scope, given back on rollback. */
describeOnBothBackends('id sequences', (backend) => {
  const url = backend.databaseUrl('itro_test_id_sequence');
  let dataSource: DataSource;
  const of = (clusterId: string): IdSequence => ({ sequences: 'seqs', table: 'things', scope: { cluster_id: clusterId } });
  const take = (sequence: IdSequence) => runInTransaction(dataSource, (manager) => nextId(manager, sequence));

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    dataSource = createDataSource({ url, entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE seqs (cluster_id VARCHAR(32) NOT NULL, table_name VARCHAR(64) NOT NULL, last_id INT NOT NULL DEFAULT 0, PRIMARY KEY (cluster_id, table_name))');
    await dataSource.query('CREATE TABLE things (cluster_id VARCHAR(32) NOT NULL, id INT NOT NULL, PRIMARY KEY (cluster_id, id))');
    // Rows written with ids of their own, as the seed writes them.
    await dataSource.query("INSERT INTO things (cluster_id, id) VALUES ('a', 1), ('a', 7), ('b', 3)");
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  it('starts after the largest id of the scope, counts on from the last one handed out, and keeps scopes apart', async () => {
    expect(await take(of('a'))).toBe(8);
    expect(await take(of('a'))).toBe(9);
    expect(await take(of('b'))).toBe(4);
    expect(await take(of('c'))).toBe(1);
  });

  it('follows rows written later with ids of their own, as a re-seed writes them', async () => {
    await dataSource.query("INSERT INTO things (cluster_id, id) VALUES ('a', 20)");
    expect(await take(of('a'))).toBe(21);
  });

  it('gives the id back when the transaction rolls back, and locking alone takes none', async () => {
    const failing = runInTransaction(dataSource, async (manager) => {
      await nextId(manager, of('b'));
      throw new Error('refused halfway');
    });
    await expect(failing).rejects.toThrow('refused halfway');
    await runInTransaction(dataSource, (manager) => lockIdSequence(manager, of('b')));
    expect(await take(of('b'))).toBe(5);
  });

  it('numbers a table as a whole when the sequence has no scope', async () => {
    await dataSource.query('CREATE TABLE whole_seqs (table_name VARCHAR(64) NOT NULL PRIMARY KEY, last_id INT NOT NULL DEFAULT 0)');
    const whole: IdSequence = { sequences: 'whole_seqs', table: 'things', scope: {} };
    expect(await take(whole)).toBe(21);
    expect(await take(whole)).toBe(22);
  });

  it('hands out distinct ids to many writers at once', async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, () => take(of('d'))));
    expect([...ids].sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
  });

  it('refuses a name that is not an SQL identifier of this code base', async () => {
    await expect(take({ ...of('a'), table: 'things; DROP TABLE seqs' })).rejects.toThrow('not an SQL identifier');
  });
});
