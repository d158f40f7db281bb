import { GraphQLError } from 'graphql';
import { ShardSet } from '../shard-set';

const REGISTRY = [
  { id: 'crisana', url: 'http://crisana:4001/graphql' },
  { id: 'banat', url: 'http://banat:4001/graphql' },
  { id: 'alt-brasov', url: 'http://alt-brasov:4001/graphql' },
];

function thrown(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('did not throw');
}

describe('ShardSet', () => {
  it('orders the shards by cluster id whatever the registry order', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.shards.map((shard) => shard.name)).toEqual(['alt-brasov', 'banat', 'crisana']);
    expect(set.shards[1]).toEqual({ name: 'banat', clusterIds: ['banat'], baseUrl: 'http://banat:4001/graphql', timeoutMs: 1000, suspended: false });
  });

  it('orders cluster ids by code point, so "a-b" comes before "ab"', () => {
    const set = new ShardSet(
      [
        { id: 'ab', url: 'http://x/1' },
        { id: 'a-b', url: 'http://x/2' },
        { id: 'a1', url: 'http://x/3' },
      ],
      1000,
    );
    expect(set.shards.map((shard) => shard.name)).toEqual(['a-b', 'a1', 'ab']);
  });

  it('lets clusters registered at the same URL share one shard, ignoring a trailing slash', () => {
    const set = new ShardSet(
      [
        { id: 'crisana', url: 'http://oracle:4000/graphql/' },
        { id: 'banat', url: 'http://oracle:4000/graphql' },
        { id: 'alt-brasov', url: 'http://alt:4001/graphql' },
        { id: 'dobrogea', url: 'http://oracle:4000/graphql//' },
      ],
      1000,
    );
    expect(set.shards).toHaveLength(2);
    expect(set.shards[0]!.clusterIds).toEqual(['alt-brasov']);
    expect(set.shards[1]).toEqual({
      name: 'banat',
      clusterIds: ['banat', 'crisana', 'dobrogea'],
      baseUrl: 'http://oracle:4000/graphql',
      timeoutMs: 1000,
      suspended: false,
    });
    expect(set.forCluster('crisana')).toBe(set.forCluster('banat'));
    expect(set.forCluster('dobrogea')).toBe(set.shards[1]);
  });

  it('finds the shard of a known cluster', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.forCluster('banat').baseUrl).toBe('http://banat:4001/graphql');
    expect(set.has('banat')).toBe(true);
    expect(set.has('nope')).toBe(false);
  });

  it('rejects an unknown cluster with BAD_USER_INPUT naming the cluster and the argument', () => {
    const set = new ShardSet(REGISTRY, 1000);
    const error = thrown(() => set.forCluster('nope'));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id', cluster: 'nope' });
    expect(error.message).toContain('"nope"');
  });

  it('gives every shard, in order, when no clusters are named', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.forClusters(undefined)).toEqual(set.shards);
    expect(set.forClusters(null)).toEqual(set.shards);
    expect(set.forClusters(undefined)).not.toBe(set.shards);
  });

  it('reads a single cluster given for the list as a list of one, as GraphQL coerces it', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.forClusters('banat')).toEqual([set.forCluster('banat')]);
    expect(thrown(() => set.forClusters(-1)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'clusters' });
  });

  it('gives a cluster named twice once', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.forClusters(['banat', 'banat'])).toEqual([set.forCluster('banat')]);
  });

  it('gives the named shards in shard order, not in the order named', () => {
    const set = new ShardSet(REGISTRY, 1000);
    expect(set.forClusters(['crisana', 'alt-brasov']).map((shard) => shard.name)).toEqual(['alt-brasov', 'crisana']);
  });

  it('gives a shared shard once for two of its clusters', () => {
    const set = new ShardSet(
      [
        { id: 'banat', url: 'http://oracle/graphql' },
        { id: 'crisana', url: 'http://oracle/graphql' },
      ],
      1000,
    );
    expect(set.forClusters(['crisana', 'banat'])).toHaveLength(1);
  });

  it('rejects an unknown cluster among the named ones with BAD_USER_INPUT on the clusters argument', () => {
    const set = new ShardSet(REGISTRY, 1000);
    const error = thrown(() => set.forClusters(['banat', 'nope']));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'clusters', cluster: 'nope' });
  });

  it('applies a per-cluster timeout, and the default to the others', () => {
    const set = new ShardSet(REGISTRY, 1000, { banat: 5000 });
    expect(set.forCluster('banat').timeoutMs).toBe(5000);
    expect(set.forCluster('crisana').timeoutMs).toBe(1000);
    expect(set.forCluster('alt-brasov').timeoutMs).toBe(1000);
  });

  it('gives a shared shard the longest timeout of its clusters', () => {
    const set = new ShardSet(
      [
        { id: 'banat', url: 'http://oracle/graphql' },
        { id: 'crisana', url: 'http://oracle/graphql' },
      ],
      1000,
      { crisana: 3000 },
    );
    expect(set.forCluster('banat').timeoutMs).toBe(3000);
  });

  it('keeps a suspended cluster as a shard of its own, marked suspended', () => {
    const set = new ShardSet([...REGISTRY.slice(0, 2), { id: 'alt-brasov', url: 'http://banat:4001/graphql', status: 'SUSPENDED' }], 1000);
    expect(set.forCluster('alt-brasov').suspended).toBe(true);
    expect(set.forCluster('banat').suspended).toBe(false);
    expect(set.forCluster('alt-brasov')).not.toBe(set.forCluster('banat'));
  });

  it('keeps the shards that did not change when built from the previous set, so their breakers carry over', () => {
    const before = new ShardSet(REGISTRY, 1000);
    const after = new ShardSet([REGISTRY[0]!, { id: 'banat', url: 'http://banat-new:4001/graphql' }, REGISTRY[2]!, { id: 'dobrogea', url: 'http://dobrogea:4001' }], 1000, {}, before);
    expect(after.forCluster('crisana')).toBe(before.forCluster('crisana'));
    expect(after.forCluster('alt-brasov')).toBe(before.forCluster('alt-brasov'));
    expect(after.forCluster('banat')).not.toBe(before.forCluster('banat'));
    expect(after.forCluster('banat').baseUrl).toBe('http://banat-new:4001/graphql');
    expect(after.sameShards(before)).toBe(false);
    expect(new ShardSet(REGISTRY, 1000, {}, before).sameShards(before)).toBe(true);
    expect(after.find('nowhere')).toBeUndefined();
  });
});
