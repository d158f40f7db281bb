import { ShardSet, type RegistryEntry } from '../../shard-router/shard-set';
import { RegistryFollower } from '../registry-follower';
import type { RegistryRead } from '../registry-client';

const silent = { info: () => undefined, warn: () => undefined };
const entry = (id: string, url = `http://${id}.test`, status: RegistryEntry['status'] = 'ACTIVE'): RegistryEntry => ({ id, url, status });

/** A follower over a registry the test sets, with deployments that pass the check unless named in `failing`. */
function follower(initial: RegistryEntry[]) {
  let registry: RegistryRead = { revision: 0, entries: initial };
  const failing = new Set<string>();
  const checked: string[] = [];
  const swaps: number[] = [];
  const live = new RegistryFollower(new ShardSet(initial, 1000), 0, {
    read: async () => registry,
    check: async (candidate) => {
      checked.push(`${candidate.id} ${candidate.url}`);
      return failing.has(candidate.url) ? 'its /health did not answer' : null;
    },
    build: (entries, previous) => new ShardSet(entries, 1000, {}, previous),
    logger: silent,
    onSwap: (_shards, revision) => swaps.push(revision),
  });
  return {
    live,
    failing,
    checked,
    swaps,
    set: (revision: number, entries: RegistryEntry[]) => {
      registry = { revision, entries };
    },
  };
}

describe('RegistryFollower', () => {
  it('takes a new cluster in once its deployment passes the check, and keeps the shards that did not change', async () => {
    const f = follower([entry('banat'), entry('inomar')]);
    const banat = f.live.current.forCluster('banat');
    f.set(1, [entry('banat'), entry('inomar'), entry('nord')]);
    await f.live.refresh();
    expect(f.checked).toEqual(['nord http://nord.test']);
    expect(f.live.current.has('nord')).toBe(true);
    expect(f.live.current.forCluster('banat')).toBe(banat);
    expect([f.live.revision, f.swaps]).toEqual([1, [1]]);
  });

  it('keeps a new cluster out while its deployment fails the check, and lists it as pending', async () => {
    const f = follower([entry('banat')]);
    f.failing.add('http://nord.test');
    f.set(1, [entry('banat'), entry('nord')]);
    await f.live.refresh();
    expect(f.live.current.has('nord')).toBe(false);
    expect(f.live.status().pending).toEqual([expect.objectContaining({ cluster: 'nord', url: 'http://nord.test', reason: 'its /health did not answer' })]);
    const since = f.live.status().pending[0]!.since;
    await f.live.refresh();
    expect(f.live.status().pending[0]!.since).toBe(since);
    f.failing.clear();
    await f.live.refresh();
    expect([f.live.current.has('nord'), f.live.status().pending]).toEqual([true, []]);
  });

  it('moves a cluster only once its new deployment passes, serving it where it was meanwhile', async () => {
    const f = follower([entry('banat')]);
    f.failing.add('http://banat-2.test');
    f.set(1, [entry('banat', 'http://banat-2.test')]);
    await f.live.refresh();
    expect(f.live.current.forCluster('banat').baseUrl).toBe('http://banat.test');
    expect(f.swaps).toEqual([]);
    f.failing.clear();
    await f.live.refresh();
    expect(f.live.current.forCluster('banat').baseUrl).toBe('http://banat-2.test');
  });

  it('suspends and resumes without asking the deployment, and drops a cluster the registry no longer lists', async () => {
    const f = follower([entry('banat'), entry('inomar')]);
    f.set(1, [entry('banat', undefined, 'SUSPENDED'), entry('inomar')]);
    await f.live.refresh();
    expect(f.live.current.forCluster('banat').suspended).toBe(true);
    f.set(2, [entry('banat'), entry('inomar')]);
    await f.live.refresh();
    expect(f.live.current.forCluster('banat').suspended).toBe(false);
    expect(f.checked).toEqual([]);
    f.set(3, [entry('banat')]);
    await f.live.refresh();
    expect(f.live.current.has('inomar')).toBe(false);
    expect(f.swaps).toEqual([1, 2, 3]);
  });

  it('holds requests in flight to the set they began with: a swap is a new set, the old one unchanged', async () => {
    const f = follower([entry('banat')]);
    const held = f.live.current;
    f.set(1, [entry('banat'), entry('nord')]);
    await f.live.refresh();
    expect(held.has('nord')).toBe(false);
    expect(f.live.current.has('nord')).toBe(true);
  });

  it('leaves the network as it was when the registry cannot be read, and says why', async () => {
    const live = new RegistryFollower(new ShardSet([entry('banat')], 1000), 4, {
      read: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      check: async () => null,
      build: (entries, previous) => new ShardSet(entries, 1000, {}, previous),
      logger: silent,
    });
    await live.refresh();
    expect([live.current.has('banat'), live.revision, live.status().lastReadError]).toEqual([true, 4, 'connect ECONNREFUSED']);
  });

  it('runs one refresh at a time, and once more for a refresh asked for meanwhile', async () => {
    let reads = 0;
    const live = new RegistryFollower(new ShardSet([entry('banat')], 1000), 0, {
      read: async () => {
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { revision: reads, entries: [entry('banat')] };
      },
      check: async () => null,
      build: (entries, previous) => new ShardSet(entries, 1000, {}, previous),
      logger: silent,
    });
    await Promise.all([live.refresh(), live.refresh(), live.refresh()]);
    expect(reads).toBe(2);
    expect(live.revision).toBe(2);
  });
});
