import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { describeOnBothBackends } from '../../test/support/mysql';
import { createDataSource, dropDatabase, ensureDatabase } from '../data-source';
import { runInTransaction } from '../transaction';

/**
 * The transaction runner: a write that fails leaves nothing behind; on MySQL a deadlock or a lock
 * wait that runs out is retried with fresh reads, and contention that outlasts the write's budget
 * is a CONFLICT, never an internal error.
 */
describeOnBothBackends('runInTransaction', (backend) => {
  const url = backend.databaseUrl('itro_test_transaction');
  let dataSource: DataSource;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    dataSource = createDataSource({ url, entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counters (id INT PRIMARY KEY, n INT NOT NULL)');
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM counters');
    await dataSource.query('INSERT INTO counters (id, n) VALUES (1, 0), (2, 0)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  const counters = async () => ((await dataSource.query('SELECT n FROM counters ORDER BY id')) as Array<{ n: number | string }>).map((row) => Number(row.n));
  const bump = (manager: EntityManager, id: number) => manager.query('UPDATE counters SET n = n + 1 WHERE id = ?', [id]);

  it('rolls back a write that fails halfway, and runs it once', async () => {
    let attempts = 0;
    const failing = runInTransaction(dataSource, async (manager) => {
      attempts++;
      await bump(manager, 1);
      throw new Error('refused halfway');
    });
    await expect(failing).rejects.toThrow('refused halfway');
    expect(attempts).toBe(1);
    expect(await counters()).toEqual([0, 0]);
  });

  if (backend.kind !== 'mysql') return;

  /** Another transaction holding row `id` locked until `release` is called. */
  async function holdRow(id: number): Promise<{ release: () => Promise<void> }> {
    const runner: QueryRunner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query('SELECT n FROM counters WHERE id = ? FOR UPDATE', [id]);
    return {
      release: async () => {
        await runner.commitTransaction();
        await runner.release();
      },
    };
  }

  it('runs again a writer that InnoDB rolled back as a deadlock victim, and both writes land', async () => {
    let arrived = 0;
    let bothHoldTheirFirstRow!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldTheirFirstRow = resolve));
    const attempts = [0, 0];
    // Each locks its first row, waits for the other to do the same, then wants the other's row.
    const crossing = (writer: 0 | 1, first: number, second: number) =>
      runInTransaction(dataSource, async (manager) => {
        attempts[writer]!++;
        await bump(manager, first);
        if (attempts[writer] === 1) {
          if (++arrived === 2) bothHoldTheirFirstRow();
          await barrier;
        }
        await bump(manager, second);
      });
    await Promise.all([crossing(0, 1, 2), crossing(1, 2, 1)]);
    expect(attempts[0]! + attempts[1]!).toBe(3);
    expect(await counters()).toEqual([2, 2]);
  });

  it('runs again a writer whose lock wait ran out, once the lock is free', async () => {
    const holder = await holdRow(1);
    // Longer than one attempt's lock wait (3 s), shorter than the write's budget (4.5 s).
    const released = new Promise<void>((resolve) => setTimeout(() => void holder.release().then(resolve), 3_500));
    let attempts = 0;
    await runInTransaction(dataSource, async (manager) => {
      attempts++;
      await bump(manager, 1);
    });
    await released;
    expect(attempts).toBe(2);
    expect(await counters()).toEqual([1, 0]);
  });

  it('answers CONFLICT, having written nothing, when the lock stays taken past the budget', async () => {
    const holder = await holdRow(1);
    const started = Date.now();
    let attempts = 0;
    try {
      const waiting = runInTransaction(dataSource, async (manager) => {
        attempts++;
        await bump(manager, 1);
      });
      await expect(waiting).rejects.toMatchObject({ extensions: { code: 'CONFLICT', retryable: true } });
      // Given up within the budget and its last lock wait, before a gateway's 5 s shard timeout.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(attempts).toBe(2);
    } finally {
      await holder.release();
    }
    expect(await counters()).toEqual([0, 0]);
  });
});
