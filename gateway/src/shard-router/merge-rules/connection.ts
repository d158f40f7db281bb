import type { FieldNode } from 'graphql';
import { compareCursors, type Cursor } from '../../../../shared/cursor';
import { decodedCursor } from '../cursor-memo';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/page-size';
import { MinHeap } from '../heap';
import { argumentValue, collectFields, mergedSubSelection } from '../selection';
import { addSelections, helperField, helperKey } from './helper-fields';
import type { Json, MergeRuleDefinition, MergeScope } from './merge-rule';

const EDGES = helperKey('edges');
const CURSOR = helperKey('cursor');
const PAGE_INFO = helperKey('pageInfo');
const HAS_NEXT_PAGE = helperKey('hasNextPage');

/**
 * `connection`: the k-way merge of keyset-ordered Relay connections: edges by cursor, totalCount
 * summed, pageInfo recomputed. Each shard is asked for its edges' cursors and whether it has more.
 */
export const connectionRule: MergeRuleDefinition = {
  fieldByField: false,
  atRoot: true,
  sent: (field) => ({
    field: addSelections(field, [helperField('edges', 'edges', [helperField('cursor', 'cursor')]), helperField('pageInfo', 'pageInfo', [helperField('hasNextPage', 'hasNextPage')])]),
  }),
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

  constructor(
    private readonly connections: readonly Json[],
    private readonly nodes: readonly FieldNode[],
    private readonly typeName: string,
    private readonly scope: MergeScope,
  ) {
    this.first = Number(argumentValue(nodes[0]!, 'first', scope.variables) ?? DEFAULT_PAGE_SIZE);
    this.edgeLists = connections.map((connection) => [...((connection[EDGES] as Json[] | undefined) ?? [])]);
    this.hasMore = connections.map((connection) => (connection[PAGE_INFO] as Json | undefined)?.[HAS_NEXT_PAGE] === true);
    this.edgeKeys = [...collectFields(mergedSubSelection(nodes), typeName, scope)].filter(([, f]) => f[0]!.name.value === 'edges').map(([key]) => key);
    const descending = this.edgeLists.some((edges) => edges.length > 0 && String(decodedCursor(edges[0]![CURSOR])?.order).endsWith(':DESC'));
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

  /** Rows the page may still take. */
  get remaining(): number {
    return this.first - this.picks.length;
  }

  /** The cursor after which a shard's next rows start. */
  lastCursor(shard: number): string {
    return this.edgeLists[shard]!.at(-1)![CURSOR] as string;
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
    this.edgeLists[shard]!.push(...((more[EDGES] as Json[] | undefined) ?? []));
    for (const key of this.edgeKeys) connection[key] = [...((connection[key] as Json[] | undefined) ?? []), ...((more[key] as Json[] | undefined) ?? [])];
    this.hasMore[shard] = (more[PAGE_INFO] as Json | undefined)?.[HAS_NEXT_PAGE] === true;
    this.push(shard, waiting);
  }

  /** The merged connection, built from the client's selection. */
  result(): Json {
    const { picks, connections } = this;
    const hasNextPage = this.heap.size > 0 || this.hasMore.some(Boolean);
    const cursorAt = (position: Position | undefined) => (position ? (this.edgeLists[position.shard]![position.index]![CURSOR] as string) : null);
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
    const cursor = edge ? decodedCursor(edge[CURSOR]) : null;
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
