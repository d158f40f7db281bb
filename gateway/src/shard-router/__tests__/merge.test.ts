import {
  executeSync,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { encodeCursor } from '../../../../shared/cursor';
import { encodeGlobalId } from '../../../../shared/global-id';
import { compareCodePoints } from '../../../../shared/sort-key';
import { MinHeap } from '../heap';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/page-size';
import { mergeField, withMergeHelpers } from '../merge';
import { HELPER_PREFIX, type MergeScope, type MergeSpec } from '../merge-rules';
import { compileShardRules } from '../shard-rules';
import { SHARD_DIRECTIVE_SDL } from '../../../../shared/shard-directive';
import { FEDERATION_LINK } from '../../../../shared/server/federated-schema';

const SDL = `
${FEDERATION_LINK}
${SHARD_DIRECTIVE_SDL}
type Query {
  members(first: Int, after: String, clusters: [ID!]): MemberConnection! @shard(route: "all", merge: "connection")
  member(id: ID!): Member @shard(route: "id", arg: "id")
  networkStats(clusters: [ID!]): NetworkStats! @shard(route: "all", merge: "object")
}
type Member @key(fields: "id") @shard(route: "id", arg: "id") { id: ID! name: String! }
type MemberEdge { cursor: String! node: Member! }
type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
type KindStats { kind: String! @shard(merge: "same") count: Int! @shard(merge: "sum") employees: Int! @shard(merge: "sum") }
type NetworkStats { members: Int! @shard(merge: "sum") smallest: Int! @shard(merge: "min") largest: Int! @shard(merge: "max") byKind: [KindStats!]! @shard(merge: "groupBy", key: "kind") kindsByName: [KindStats!]! @shard(merge: "groupByKey", key: "kind") names: [String!]! @shard(merge: "concat") }
`;

const rules = compileShardRules('members', SDL);
const CONNECTION: MergeSpec = { merge: 'connection' };
const OBJECT: MergeSpec = { merge: 'object' };

type Json = Record<string, unknown>;

function scopeFor(variables: Json = {}): MergeScope {
  return { schema: rules.schema, rules, variables, fragments: new Map() };
}

function operationOf(query: string): OperationDefinitionNode {
  return parse(query).definitions[0] as OperationDefinitionNode;
}

function rootField(query: string): FieldNode {
  return operationOf(query).selectionSet.selections[0] as FieldNode;
}

/**
 * What a shard answers for the field the router sends it: the client's field with the merge
 * helpers added, executed against the shard's data with GraphQL's default resolvers.
 */
function shardAnswer(query: string, spec: MergeSpec, typeName: string, data: Json | null, variables: Json = {}): unknown {
  const operation = operationOf(query);
  const field = operation.selectionSet.selections[0] as FieldNode;
  const sent = withMergeHelpers(field, spec, typeName, scopeFor(variables));
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [sent] } }],
  };
  const result = executeSync({ schema: rules.schema, document, rootValue: { [field.name.value]: data }, variableValues: variables });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data![field.alias?.value ?? field.name.value];
}

interface Row {
  clusterId: string;
  localId: number;
  name: string;
}

function sortRows(rows: readonly Row[], direction: 'ASC' | 'DESC'): Row[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * (compareCodePoints(a.name, b.name) || compareCodePoints(a.clusterId, b.clusterId) || a.localId - b.localId),
  );
}

const idOf = (row: Row) => encodeGlobalId(row.clusterId, row.localId);
const cursorOf = (row: Row, direction: 'ASC' | 'DESC' = 'ASC') =>
  encodeCursor({ order: `NAME:${direction}`, value: row.name, clusterId: row.clusterId, localId: row.localId });

/** One shard's keyset page: its first `first` rows in the order, as the cluster subgraph resolves them. */
function connectionData(rows: readonly Row[], first: number, direction: 'ASC' | 'DESC' = 'ASC'): Json {
  const ordered = sortRows(rows, direction);
  const page = ordered.slice(0, first);
  return {
    edges: page.map((row) => ({ cursor: cursorOf(row, direction), node: { id: idOf(row), name: row.name } })),
    pageInfo: {
      hasNextPage: ordered.length > first,
      hasPreviousPage: false,
      startCursor: page[0] ? cursorOf(page[0], direction) : null,
      endCursor: page.at(-1) ? cursorOf(page.at(-1)!, direction) : null,
    },
    totalCount: rows.length,
  };
}

function helperKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => helperKeys(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(key.startsWith(HELPER_PREFIX) ? [`${path}.${key}`] : []),
      ...helperKeys(inner, `${path}.${key}`),
    ]);
  }
  return [];
}

/** Runs the whole fan-out for a connection query: each cluster's page, then the merge. */
function mergeMembers(query: string, clusters: readonly Row[][], first: number, direction: 'ASC' | 'DESC' = 'ASC', variables: Json = {}) {
  const answers = clusters.map((rows) =>
    shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(rows, first, direction), variables),
  );
  return mergeField(CONNECTION, answers, [rootField(query)], 'MemberConnection', scopeFor(variables)) as Json;
}

const MEMBERS_QUERY = (first: number) =>
  `{ members(first: ${first}) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage startCursor endCursor } } }`;

const rowsOf = (clusterId: string, names: Record<number, string>): Row[] =>
  Object.entries(names).map(([localId, name]) => ({ clusterId, localId: Number(localId), name }));

// Three clusters; "ana" appears on all of them (ties broken by cluster id), twice on banat (9 before 10).
const ALT_BRASOV = rowsOf('alt-brasov', { 1: 'dan', 2: 'ana', 3: 'mihai', 4: 'zoe' });
const BANAT = rowsOf('banat', { 10: 'ana', 9: 'ana', 3: 'bogdan', 4: 'ioana', 5: 'radu' });
const CRISANA = rowsOf('crisana', { 1: 'ana', 2: 'carmen', 3: 'elena' });
const NETWORK = [ALT_BRASOV, BANAT, CRISANA];

describe('mergeField: connection', () => {
  it('picks the globally first N rows of three shards in order, breaking value ties by cluster id then local id', () => {
    const merged = mergeMembers(MEMBERS_QUERY(5), NETWORK, 5);
    const expected = sortRows(NETWORK.flat(), 'ASC').slice(0, 5);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual([
      'alt-brasov:2',
      'banat:9',
      'banat:10',
      'crisana:1',
      'banat:3',
    ]);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(expected.map(idOf));
    expect((merged.edges as Json[]).map((edge) => edge.cursor)).toEqual(expected.map((row) => cursorOf(row)));
  });

  it('returns exactly `first` edges after the merge even though every shard sent `first` rows', () => {
    for (const first of [1, 2, 3, 7]) {
      const merged = mergeMembers(MEMBERS_QUERY(first), NETWORK, first);
      expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(
        sortRows(NETWORK.flat(), 'ASC').slice(0, first).map(idOf),
      );
    }
  });

  it('returns every row when `first` exceeds the network size', () => {
    const merged = mergeMembers(MEMBERS_QUERY(50), NETWORK, 50);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(sortRows(NETWORK.flat(), 'ASC').map(idOf));
    expect((merged.pageInfo as Json).hasNextPage).toBe(false);
  });

  it('reads `first` from a variable', () => {
    const query = 'query Page($n: Int) { members(first: $n) { edges { node { id } } } }';
    const merged = mergeMembers(query, NETWORK, 2, 'ASC', { n: 2 });
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(['alt-brasov:2', 'banat:9']);
  });

  it(`takes the default page size of ${DEFAULT_PAGE_SIZE} when the client gives no first`, () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    const big = ['alpha', 'beta', 'gamma'].map((clusterId) =>
      Array.from({ length: 10 }, (_, i) => ({ clusterId, localId: i + 1, name: `n${String(i).padStart(2, '0')}` })),
    );
    const query = '{ members { edges { node { id } } pageInfo { hasNextPage } } }';
    const merged = mergeMembers(query, big, DEFAULT_PAGE_SIZE);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(
      sortRows(big.flat(), 'ASC').slice(0, DEFAULT_PAGE_SIZE).map(idOf),
    );
    expect((merged.pageInfo as Json).hasNextPage).toBe(true);
  });

  it('sums totalCount over the shards', () => {
    const merged = mergeMembers(MEMBERS_QUERY(2), NETWORK, 2);
    expect(merged.totalCount).toBe(ALT_BRASOV.length + BANAT.length + CRISANA.length);
  });

  it('sets hasNextPage when the merge leaves rows of the shards unpicked, though no shard had more', () => {
    // Each shard holds at most 5 rows and answers first: 5 with hasNextPage false; 12 rows remain for 5 slots.
    const merged = mergeMembers(MEMBERS_QUERY(5), NETWORK, 5);
    expect(NETWORK.every((rows) => rows.length <= 5)).toBe(true);
    expect((merged.pageInfo as Json).hasNextPage).toBe(true);
  });

  // Source bug: the shard answers `__sr_pageInfo { __sr_hasNextPage }`, but mergeConnections reads
  // `__sr_pageInfo.hasNextPage`, which a shard never sends; the shard's own flag is lost.
  it('sets hasNextPage when every fetched row was picked but a shard said it has more', () => {
    // alt-brasov has 4 rows and answers first: 3 with hasNextPage true; the others have no rows.
    const merged = mergeMembers(MEMBERS_QUERY(3), [ALT_BRASOV, [], []], 3);
    expect((merged.edges as Json[]).length).toBe(3);
    expect((merged.pageInfo as Json).hasNextPage).toBe(true);
  });

  it('clears hasNextPage when every row was picked and no shard has more', () => {
    const merged = mergeMembers(MEMBERS_QUERY(12), NETWORK, 12);
    expect((merged.edges as Json[]).length).toBe(12);
    expect((merged.pageInfo as Json).hasNextPage).toBe(false);
  });

  it('sets startCursor and endCursor to the first and last picked edges’ cursors', () => {
    const merged = mergeMembers(MEMBERS_QUERY(4), NETWORK, 4);
    const expected = sortRows(NETWORK.flat(), 'ASC').slice(0, 4);
    expect((merged.pageInfo as Json).startCursor).toBe(cursorOf(expected[0]!));
    expect((merged.pageInfo as Json).endCursor).toBe(cursorOf(expected[3]!));
  });

  it('gives no edges and null cursors when every shard is empty', () => {
    const merged = mergeMembers(MEMBERS_QUERY(3), [[], [], []], 3);
    expect(merged).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
    });
  });

  it('merges descending when the cursors carry a DESC ordering', () => {
    const merged = mergeMembers(MEMBERS_QUERY(6), NETWORK, 6, 'DESC');
    const expected = sortRows(NETWORK.flat(), 'DESC').slice(0, 6);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).name)).toEqual(['zoe', 'radu', 'mihai', 'ioana', 'elena', 'dan']);
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(expected.map(idOf));
    expect((merged.pageInfo as Json).endCursor).toBe(cursorOf(expected[5]!, 'DESC'));
  });

  it('breaks DESC value ties by cluster id and local id descending too', () => {
    const merged = mergeMembers(MEMBERS_QUERY(20), NETWORK, 20, 'DESC');
    const anas = (merged.edges as Json[]).map((edge) => edge.node as Json).filter((node) => node.name === 'ana');
    expect(anas.map((node) => node.id)).toEqual(['crisana:1', 'banat:10', 'banat:9', 'alt-brasov:2']);
  });

  it('answers under the aliases of the client’s selection', () => {
    const query =
      '{ members(first: 3) { count: totalCount e: edges { c: cursor n: node { key: id } } info: pageInfo { more: hasNextPage last: endCursor } } }';
    const merged = mergeMembers(query, NETWORK, 3);
    const expected = sortRows(NETWORK.flat(), 'ASC').slice(0, 3);
    expect(merged).toEqual({
      count: 12,
      e: expected.map((row) => ({ c: cursorOf(row), n: { key: idOf(row) } })),
      info: { more: true, last: cursorOf(expected[2]!) },
    });
  });

  it('works when the client selects neither cursors nor pageInfo', () => {
    const query = '{ members(first: 2) { edges { node { name } } } }';
    expect(mergeMembers(query, NETWORK, 2)).toEqual({ edges: [{ node: { name: 'ana' } }, { node: { name: 'ana' } }] });
  });

  it('leaves no helper field in the merged answer', () => {
    const queries = [
      '{ members(first: 4) { totalCount edges { cursor node { id } } pageInfo { endCursor } } }',
      '{ members(first: 2) { edges { node { id } } } }',
      '{ members(first: 2) { totalCount } }',
      '{ m: members(first: 3) { e: edges { cursor } p: pageInfo { endCursor } } }',
    ];
    for (const query of queries) {
      const answers = NETWORK.map((rows) => shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(rows, 4)));
      expect(helperKeys(answers).length).toBeGreaterThan(0); // the shards did get helpers
      const merged = mergeField(CONNECTION, answers, [rootField(query)], 'MemberConnection', scopeFor());
      expect(helperKeys(merged)).toEqual([]);
    }
  });

  it('ignores shards that answered null', () => {
    const query = MEMBERS_QUERY(3);
    const answers = [
      null,
      shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(BANAT, 3)),
      undefined,
      shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(CRISANA, 3)),
    ];
    const merged = mergeField(CONNECTION, answers, [rootField(query)], 'MemberConnection', scopeFor()) as Json;
    expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(['banat:9', 'banat:10', 'crisana:1']);
    expect(merged.totalCount).toBe(BANAT.length + CRISANA.length);
  });

  it('answers null when every shard answered null', () => {
    expect(mergeField(CONNECTION, [null, null], [rootField(MEMBERS_QUERY(3))], 'MemberConnection', scopeFor())).toBeNull();
  });

  it('matches the globally sorted page for random networks', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = ['ana', 'bogdan', 'ștefan', 'sorin', 'sura', 'ion', 'ioana', 'zoe'];
    for (let round = 0; round < 50; round++) {
      const clusters = ['alt-brasov', 'banat', 'crisana', 'dobrogea'].map((clusterId) =>
        Array.from({ length: Math.floor(random() * 8) }, (_, i) => ({
          clusterId,
          localId: i + 1,
          name: names[Math.floor(random() * names.length)]!,
        })),
      );
      const first = 1 + Math.floor(random() * 10);
      const direction = random() < 0.5 ? 'ASC' : 'DESC';
      const merged = mergeMembers(MEMBERS_QUERY(first), clusters, first, direction);
      const all = sortRows(clusters.flat(), direction);
      expect((merged.edges as Json[]).map((edge) => (edge.node as Json).id)).toEqual(all.slice(0, first).map(idOf));
      expect(merged.totalCount).toBe(all.length);
    }
  });
});

const STATS_QUERY = '{ networkStats { members smallest largest byKind { kind count employees } names } }';

function mergeStats(query: string, data: ReadonlyArray<Json | null>): unknown {
  const answers = data.map((stats) => (stats === null ? null : shardAnswer(query, OBJECT, 'NetworkStats', stats)));
  return mergeField(OBJECT, answers, [rootField(query)], 'NetworkStats', scopeFor());
}

const STATS: Json[] = [
  {
    members: 4,
    smallest: 3,
    largest: 40,
    byKind: [
      { kind: 'srl', count: 2, employees: 10 },
      { kind: 'pfa', count: 2, employees: 2 },
    ],
    names: ['dan', 'ana'],
  },
  {
    members: 5,
    smallest: 1,
    largest: 25,
    byKind: [
      { kind: 'ong', count: 1, employees: 7 },
      { kind: 'srl', count: 4, employees: 30 },
    ],
    names: ['bogdan'],
  },
  {
    members: 3,
    smallest: 2,
    largest: 90,
    byKind: [{ kind: 'pfa', count: 3, employees: 3 }],
    names: ['elena', 'carmen'],
  },
];

describe('mergeField: object', () => {
  it('merges every field of networkStats by its own rule', () => {
    expect(mergeStats(STATS_QUERY, STATS)).toEqual({
      members: 12,
      smallest: 1,
      largest: 90,
      byKind: [
        { kind: 'srl', count: 6, employees: 40 },
        { kind: 'pfa', count: 5, employees: 5 },
        { kind: 'ong', count: 1, employees: 7 },
      ],
      names: ['dan', 'ana', 'bogdan', 'elena', 'carmen'],
    });
  });

  it('orders groupByKey buckets by key whatever order the shards give them in', () => {
    const withSorted = STATS.map((stats) => ({ ...stats, kindsByName: stats.byKind }));
    expect(mergeStats('{ networkStats { kindsByName { count kind } } }', withSorted)).toEqual({
      kindsByName: [
        { count: 1, kind: 'ong' },
        { count: 5, kind: 'pfa' },
        { count: 6, kind: 'srl' },
      ],
    });
    expect(mergeStats('{ networkStats { kindsByName { employees } } }', withSorted)).toEqual({
      kindsByName: [{ employees: 7 }, { employees: 5 }, { employees: 40 }],
    });
  });

  it('groups byKind by the helper key even when the client does not select the key field', () => {
    expect(mergeStats('{ networkStats { byKind { count } } }', STATS)).toEqual({
      byKind: [{ count: 6 }, { count: 5 }, { count: 1 }],
    });
  });

  it('honours aliases in the client selection', () => {
    expect(mergeStats('{ networkStats { total: members kinds: byKind { k: kind n: count } } }', STATS)).toEqual({
      total: 12,
      kinds: [
        { k: 'srl', n: 6 },
        { k: 'pfa', n: 5 },
        { k: 'ong', n: 1 },
      ],
    });
  });

  it('leaves no helper field in the merged answer', () => {
    expect(helperKeys(mergeStats(STATS_QUERY, STATS))).toEqual([]);
  });

  it('ignores a shard that answered null', () => {
    expect(mergeStats('{ networkStats { members smallest names } }', [null, STATS[0]!, null, STATS[2]!])).toEqual({
      members: 7,
      smallest: 2,
      names: ['dan', 'ana', 'elena', 'carmen'],
    });
  });

  it('answers null when every shard answered null', () => {
    expect(mergeStats(STATS_QUERY, [null, null])).toBeNull();
  });
});

describe('mergeField: scalar and list rules', () => {
  const leaf = [] as FieldNode[];

  it('sum adds the numbers and skips nulls', () => {
    expect(mergeField({ merge: 'sum' }, [3, null, 4, undefined, 5], leaf, 'Int', scopeFor())).toBe(12);
  });

  it('min takes the smallest value and skips nulls', () => {
    expect(mergeField({ merge: 'min' }, [5, null, 3, 7], leaf, 'Int', scopeFor())).toBe(3);
    expect(mergeField({ merge: 'min' }, [-1, 0], leaf, 'Int', scopeFor())).toBe(-1);
  });

  it('max takes the largest value and skips nulls', () => {
    expect(mergeField({ merge: 'max' }, [5, undefined, 9, 7], leaf, 'Int', scopeFor())).toBe(9);
  });

  it('same takes the first present value', () => {
    expect(mergeField({ merge: 'same' }, [null, 'srl', 'srl'], leaf, 'String', scopeFor())).toBe('srl');
  });

  it('concat joins the lists in shard order', () => {
    expect(mergeField({ merge: 'concat' }, [['b', 'a'], null, ['c'], []], leaf, 'String', scopeFor())).toEqual(['b', 'a', 'c']);
  });

  it.each(['sum', 'min', 'max', 'same', 'concat'] as const)('%s answers null when every shard answered null', (merge) => {
    expect(mergeField({ merge }, [null, undefined], leaf, 'Int', scopeFor())).toBeNull();
  });
});

describe('withMergeHelpers', () => {
  it('adds no helper to a connection whose client asks for the cursors and hasNextPage itself, and merges by its fields', () => {
    const query = '{ members(first: 4) { e: edges { c: cursor node { id } } pageInfo { hasNextPage } } }';
    const field = rootField(query);
    expect(withMergeHelpers(field, CONNECTION, 'MemberConnection', scopeFor())).toBe(field);
    const answers = NETWORK.map((rows) => shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(rows, 4)));
    expect(helperKeys(answers)).toEqual([]);
    const merged = mergeField(CONNECTION, answers, [field], 'MemberConnection', scopeFor()) as { e: Array<{ c: string }>; pageInfo: { hasNextPage: boolean } };
    expect(merged.e.map((edge) => edge.c)).toEqual(sortRows(NETWORK.flat(), 'ASC').slice(0, 4).map((row) => cursorOf(row)));
    // Banat has five rows, of which the shard sent four: the page has more.
    expect(merged.pageInfo.hasNextPage).toBe(true);
  });

  it('still asks for the cursors under a helper when the client’s own are conditional', () => {
    const field = rootField('query($x: Boolean!) { members(first: 3) { edges @include(if: $x) { cursor } pageInfo { hasNextPage } } }');
    const sent = print(withMergeHelpers(field, CONNECTION, 'MemberConnection', scopeFor()));
    expect(sent).toContain('__sr_edges: edges {\n    __sr_cursor: cursor\n  }');
    expect(sent).not.toContain('__sr_pageInfo');
  });

  it('adds the edge cursors and hasNextPage under helper aliases to a connection and keeps the client’s selection', () => {
    const field = rootField('{ members(first: 3) { totalCount e: edges { node { id } } } }');
    const before = print(field);
    const sent = withMergeHelpers(field, CONNECTION, 'MemberConnection', scopeFor());
    expect(print(sent)).toBe(
      'members(first: 3) {\n  totalCount\n  e: edges {\n    node {\n      id\n    }\n  }\n' +
        '  __sr_edges: edges {\n    __sr_cursor: cursor\n  }\n' +
        '  __sr_pageInfo: pageInfo {\n    __sr_hasNextPage: hasNextPage\n  }\n}',
    );
    expect(print(field)).toBe(before);
  });

  it('adds the group key to groupBy lists inside an object merge and keeps the client’s selection', () => {
    const field = rootField('{ networkStats { members kinds: byKind { count } } }');
    const before = print(field);
    const sent = withMergeHelpers(field, OBJECT, 'NetworkStats', scopeFor());
    expect(print(sent)).toBe('networkStats {\n  members\n  kinds: byKind {\n    count\n    __sr_key: kind\n  }\n}');
    expect(print(field)).toBe(before);
  });

  it('leaves a field without a selection set or with a leaf rule unchanged', () => {
    const field = rootField('{ networkStats { members } }');
    const members = field.selectionSet!.selections[0] as FieldNode;
    expect(withMergeHelpers(members, { merge: 'sum' }, 'Int', scopeFor())).toBe(members);
    expect(withMergeHelpers(field, { merge: 'same' }, 'NetworkStats', scopeFor())).toBe(field);
  });

  it('produces a query the subgraph schema accepts', () => {
    const query = '{ members(first: 2) { edges { cursor } pageInfo { hasNextPage } } }';
    expect(() => shardAnswer(query, CONNECTION, 'MemberConnection', connectionData(BANAT, 2))).not.toThrow();
    expect(() => shardAnswer(STATS_QUERY, OBJECT, 'NetworkStats', STATS[0]!)).not.toThrow();
  });
});

describe('MinHeap', () => {
  it('pops random numbers in ascending order', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 50));
      const heap = new MinHeap<number>((a, b) => a - b);
      for (const value of values) heap.push(value);
      expect(heap.size).toBe(values.length);
      const popped: number[] = [];
      while (heap.size > 0) popped.push(heap.pop()!);
      expect(popped).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('keeps the order when pushes and pops interleave', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const heap = new MinHeap<number>((a, b) => a - b);
    const reference: number[] = [];
    for (let step = 0; step < 1000; step++) {
      if (random() < 0.6 || reference.length === 0) {
        const value = Math.floor(random() * 1000);
        heap.push(value);
        reference.push(value);
        reference.sort((a, b) => a - b);
      } else {
        expect(heap.pop()).toBe(reference.shift());
      }
      expect(heap.size).toBe(reference.length);
    }
  });

  it('follows the comparator, so a reversed comparator pops in descending order', () => {
    const heap = new MinHeap<string>((a, b) => compareCodePoints(b, a));
    for (const value of ['b', 'd', 'a', 'c']) heap.push(value);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual(['d', 'c', 'b', 'a']);
  });

  it('returns undefined when popped empty', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    expect(heap.pop()).toBeUndefined();
    heap.push(1);
    expect(heap.pop()).toBe(1);
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });
});
