import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';

/** SQLite transactions run on their own connection, so the shared one only ever reads committed rows. */
describe('SqliteDataSource', () => {
  let folder: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-sqlite-'));
    dataSource = createDataSource({ url: `sqlite:${path.join(folder, 'db.sqlite')}`, entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE rows_seen (id INTEGER PRIMARY KEY)');
  });

  afterEach(async () => {
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM rows_seen'))[0].n);

  it('hides a write from readers until it commits, and for good when it rolls back', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const failing = dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO rows_seen (id) VALUES (1)');
      inserted();
      await gate;
      throw new Error('refused halfway');
    });
    await insertedYet;
    expect(await count()).toBe(0);
    release();
    await expect(failing).rejects.toThrow('refused halfway');
    expect(await count()).toBe(0);
    await dataSource.transaction((manager) => manager.query('INSERT INTO rows_seen (id) VALUES (2)'));
    expect(await count()).toBe(1);
  });

  it('runs transactions one after the other, never nested', async () => {
    const order: string[] = [];
    const slow = dataSource.transaction(async (manager) => {
      order.push('a begins');
      await manager.query('INSERT INTO rows_seen (id) VALUES (10)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('a ends');
    });
    const quick = dataSource.transaction(async (manager) => {
      order.push('b begins');
      await manager.query('INSERT INTO rows_seen (id) VALUES (11)');
      order.push('b ends');
    });
    await Promise.all([slow, quick]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await count()).toBe(2);
  });
});
