import { initialShares, poissonQuantile } from '../connection-share';
import type { Shard } from '../shard-set';

const shard = (name: string): Shard => ({ name, clusterIds: [name], baseUrl: `http://${name}.test`, timeoutMs: 100, suspended: false });
const [big, small, tiny] = [shard('big'), shard('small'), shard('tiny')];

describe('how many rows each shard is asked for', () => {
  it('takes the Poisson quantile: P(X > s) at most the tail', () => {
    // Poisson(4): P(X > 6) = 0.111, P(X > 7) = 0.051.
    expect(poissonQuantile(4, 0.1)).toBe(7);
    expect(poissonQuantile(4, 0.2)).toBe(6);
    expect(poissonQuantile(0, 0.01)).toBe(0);
  });

  it('asks one shard, or a page too large to share, for the whole page', () => {
    expect(initialShares(20, [big], new WeakMap())).toBeUndefined();
    expect(initialShares(500, [big, small], new WeakMap())).toBeUndefined();
    expect(initialShares('20', [big, small], new WeakMap())).toBeUndefined();
  });

  it('asks every shard alike before their row counts are known, and in proportion after', () => {
    const even = initialShares(30, [big, small, tiny], new WeakMap())!;
    expect(new Set(even.values()).size).toBe(1);
    const counts = new WeakMap([
      [big, 900],
      [small, 90],
      [tiny, 10],
    ]);
    const shares = initialShares(30, [big, small, tiny], counts)!;
    expect(shares.get(big)).toBeGreaterThan(even.get(big)!);
    expect(shares.get(tiny)).toBeLessThan(even.get(tiny)!);
    // Never more than the page, never less than one row: a shard's count may be stale.
    expect(shares.get(big)).toBeLessThanOrEqual(30);
    expect(shares.get(tiny)).toBeGreaterThanOrEqual(1);
  });
});
