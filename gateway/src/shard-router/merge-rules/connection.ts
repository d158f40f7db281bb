import { Kind, type FieldNode } from 'graphql';
import { compareCursors, type Cursor } from '../../../../shared/cursor';
import { decodedCursor } from '../cursor-memo';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/page-size';
import { MinHeap } from '../heap';
import { argumentValue, collectFields, mergedSubSelection } from '../selection';
import { addSelections, helperField, helperKey } from './helper-fields';
import type { Json, MergeRuleDefinition, MergeScope } from './merge-rule';

/**
 * Where a shard's answer holds what the merge reads: each edge's cursor, and whether the shard has
 * more rows. When the client asks for them itself, plainly (no `@skip`/`@include`), its own fields
 * carry them; otherwise helper fields are added. Asking twice would double every cursor in every
 * answer: a third of a page's bytes, parsed, checked and thrown away.
 */
interface MergeKeys {
  edges: string;
  cursor: string;
  pageInfo: string;
  hasNextPage: string;
}

const HELPER_KEYS: MergeKeys = { edges: helperKey('edges'), cursor: helperKey('cursor'), pageInfo: helperKey('pageInfo'), hasNextPage: helperKey('hasNextPage') };

/** The response keys of `outer { inner }` when some node selects both plainly, as fields of their own. */
function plainKeys(nodes: readonly FieldNode[], outer: string, inner: string): [string, string] | undefined {
  for (const node of nodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || selection.name.value !== outer || selection.directives?.length) continue;
      const innerField = selection.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === inner && !s.directives?.length);
      if (innerField) return [selection.alias?.value ?? outer, innerField.alias?.value ?? inner];
    }
  }
  return undefined;
}

function mergeKeys(nodes: readonly FieldNode[]): MergeKeys {
  const [edges, cursor] = plainKeys(nodes, 'edges', 'cursor') ?? [HELPER_KEYS.edges, HELPER_KEYS.cursor];
  const [pageInfo, hasNextPage] = plainKeys(nodes, 'pageInfo', 'hasNextPage') ?? [HELPER_KEYS.pageInfo, HELPER_KEYS.hasNextPage];
  return { edges, cursor, pageInfo, hasNextPage };
}

/**
 * `connection`: the k-way merge of keyset-ordered Relay connections: edges by cursor, totalCount
 * summed, pageInfo recomputed. Each shard is asked for its edges' cursors and whether it has more.
 */
export const connectionRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  sent: (field) => {
    const helpers: FieldNode[] = [];
    if (!plainKeys([field], 'edges', 'cursor')) helpers.push(helperField('edges', 'edges', [helperField('cursor', 'cursor')]));
    if (!plainKeys([field], 'pageInfo', 'hasNextPage')) helpers.push(helperField('pageInfo', 'pageInfo', [helperField('hasNextPage', 'hasNextPage')]));
    return { field: helpers.length > 0 ? addSelections(field, helpers) : field };
  },
  merge: (values, { nodes, typeName, scope }) => mergeConnections(values as Json[], nodes, typeName, scope),
};

interface Position {
  shard: number;
  index: number;
  cursor: Cursor;
}

/**
 * The k-way merge of keyset pages. Each shard returned its first rows after the cursor in the
 * network's total order, so taking rows from the head of every shard's list in that order gives
 * the page one database would return. Each pop costs O(log shards).
 *
 * A shard may have been asked for fewer rows than the page holds (the router asks each for its
 * likely share). When the merge takes a shard's last row while that shard has more, it must see
 * the shard's next row before it can take another: `advance` stops and names the shard, the caller
 * fetches more rows after `lastCursor(shard)` and hands them to `extend`, and the merge goes on.
 */
export class ConnectionMerge {
  private readonly first: number;
  private readonly edgeLists: Json[][];
  private readonly hasMore: boolean[];
  private readonly heap: MinHeap<Position>;
  private readonly picks: Position[] = [];
  private readonly edgeKeys: string[];
  /** Cursor comparisons so far: the merge's work, which the benchmark reports per row. */
  comparisons = 0;
  /** Shards whose further rows could not be had: the merge goes on without them. */
  private readonly givenUp = new Set<number>();
  private readonly keys: MergeKeys;

  constructor(
    private readonly connections: readonly Json[],
    private readonly nodes: readonly FieldNode[],
    private readonly typeName: string,
    private readonly scope: MergeScope,
  ) {
    this.first = Number(argumentValue(nodes[0]!, 'first', scope.variables) ?? DEFAULT_PAGE_SIZE);
    const keys = (this.keys = mergeKeys(nodes));
    this.edgeLists = connections.map((connection) => [...((connection[keys.edges] as Json[] | undefined) ?? [])]);
    this.hasMore = connections.map((connection) => (connection[keys.pageInfo] as Json | undefined)?.[keys.hasNextPage] === true);
    this.edgeKeys = [...collectFields(mergedSubSelection(nodes), typeName, scope)].filter(([, f]) => f[0]!.name.value === 'edges').map(([key]) => key);
    const descending = this.edgeLists.some((edges) => edges.length > 0 && String(decodedCursor(edges[0]![keys.cursor])?.order).endsWith(':DESC'));
    const direction = descending ? -1 : 1;
    this.heap = new MinHeap<Position>((a, b) => {
      this.comparisons += 1;
      return direction * compareCursors(a.cursor, b.cursor);
    });
    this.edgeLists.forEach((_edges, shard) => this.push(shard, 0));
  }

  /** Takes rows until the page is full, or returns the shard whose next rows are needed first. */
  advance(): number | undefined {
    while (this.picks.length < this.first && this.heap.size > 0) {
      const position = this.heap.pop()!;
      this.picks.push(position);
      const buffered = this.push(position.shard, position.index + 1);
      const waits = !buffered && this.hasMore[position.shard] && !this.givenUp.has(position.shard);
      if (waits && this.picks.length < this.first) return position.shard;
    }
    return undefined;
  }

  /** How many of the page's rows each shard gave, by its position among the connections. */
  taken(): number[] {
    const counts = this.connections.map(() => 0);
    for (const pick of this.picks) counts[pick.shard]! += 1;
    return counts;
  }

  /** Rows the page may still take. */
  get remaining(): number {
    return this.first - this.picks.length;
  }

  /** The cursor after which a shard's next rows start. */
  lastCursor(shard: number): string {
    return this.edgeLists[shard]!.at(-1)![this.keys.cursor] as string;
  }

  /**
   * A shard's next rows (its answer to the same field after `lastCursor`). Without them (the shard
   * failed) the merge goes on without the shard, and the page still says more rows exist.
   */
  extend(shard: number, more: Json | undefined): void {
    const waiting = this.edgeLists[shard]!.length;
    if (!more) {
      this.givenUp.add(shard);
      return;
    }
    const connection = this.connections[shard]!;
    this.edgeLists[shard]!.push(...((more[this.keys.edges] as Json[] | undefined) ?? []));
    for (const key of this.edgeKeys) connection[key] = [...((connection[key] as Json[] | undefined) ?? []), ...((more[key] as Json[] | undefined) ?? [])];
    this.hasMore[shard] = (more[this.keys.pageInfo] as Json | undefined)?.[this.keys.hasNextPage] === true;
    this.push(shard, waiting);
  }

  /** The merged connection, built from the client's selection. */
  result(): Json {
    const { picks, connections } = this;
    const hasNextPage = this.heap.size > 0 || this.hasMore.some(Boolean);
    const cursorAt = (position: Position | undefined) => (position ? (this.edgeLists[position.shard]![position.index]![this.keys.cursor] as string) : null);
    const result: Json = {};
    for (const [responseKey, fieldNodes] of collectFields(mergedSubSelection(this.nodes), this.typeName, this.scope)) {
      switch (fieldNodes[0]!.name.value) {
        case 'edges':
          result[responseKey] = picks.map((position) => (connections[position.shard]![responseKey] as Json[])[position.index]);
          break;
        case 'totalCount':
          result[responseKey] = connections.reduce((sum, connection) => sum + Number(connection[responseKey] ?? 0), 0);
          break;
        case 'pageInfo': {
          const pageInfo: Json = {};
          for (const [key, infoNodes] of collectFields(mergedSubSelection(fieldNodes), 'PageInfo', this.scope)) {
            const name = infoNodes[0]!.name.value;
            if (name === 'hasNextPage') pageInfo[key] = hasNextPage;
            else if (name === 'startCursor') pageInfo[key] = cursorAt(picks[0]);
            else if (name === 'endCursor') pageInfo[key] = cursorAt(picks.at(-1));
            else pageInfo[key] = (connections[0]![responseKey] as Json | undefined)?.[key] ?? null;
          }
          result[responseKey] = pageInfo;
          break;
        }
        default:
          result[responseKey] = connections[0]![responseKey] ?? null;
      }
    }
    return result;
  }

  /** Puts a shard's row `index` on the heap; false when that shard has no such row buffered. */
  private push(shard: number, index: number): boolean {
    const edge = this.edgeLists[shard]![index];
    const cursor = edge ? decodedCursor(edge[this.keys.cursor]) : null;
    if (cursor) this.heap.push({ shard, index, cursor });
    return edge !== undefined;
  }
}

/** A merge whose shards were each asked for the whole page: it never needs more rows. */
function mergeConnections(connections: readonly Json[], nodes: readonly FieldNode[], typeName: string, scope: MergeScope): Json {
  const merge = new ConnectionMerge(connections.map((connection) => ({ ...connection })), nodes, typeName, scope);
  for (let shard = merge.advance(); shard !== undefined; shard = merge.advance()) merge.extend(shard, undefined);
  return merge.result();
}
