import { Kind, type FieldNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import { compareCursors, tryDecodeCursor, type Cursor } from '../../../shared/cursor';
import { compareCodePoints } from '../../../shared/sort-key';
import { MinHeap } from './heap';
import { argumentValue, collectFields, mergedSubSelection, type SelectionScope } from './selection';
import { namedTypeName, type MergeSpec, type ShardRules } from './shard-rules';

/** Fields the router adds to a shard's query for its own use; they never reach the client. */
export const HELPER_PREFIX = '__sr_';
const EDGES = `${HELPER_PREFIX}edges`;
const CURSOR = `${HELPER_PREFIX}cursor`;
const PAGE_INFO = `${HELPER_PREFIX}pageInfo`;
const HAS_NEXT_PAGE = `${HELPER_PREFIX}hasNextPage`;
const GROUP_KEY = `${HELPER_PREFIX}key`;
const averageSum = (responseKey: string) => `${HELPER_PREFIX}sum_${responseKey}`;
const averageCount = (responseKey: string) => `${HELPER_PREFIX}count_${responseKey}`;

export const DEFAULT_FIRST = 20;

export interface MergeScope extends SelectionScope {
  rules: ShardRules;
}

type Json = Record<string, unknown>;

export type { MergeSpec };

/**
 * Merges one field's answers from several shards, given in shard order (shards ordered by cluster
 * id), into what one database would have answered. The result is built from the client's selection,
 * so helper fields added for the merge are left behind.
 */
export function mergeField(spec: MergeSpec, values: readonly unknown[], nodes: readonly FieldNode[], typeName: string, scope: MergeScope): unknown {
  const present = values.filter((value) => value !== null && value !== undefined);
  switch (spec.merge) {
    case 'sum':
      return present.length === 0 ? null : present.reduce((sum: number, value) => sum + Number(value), 0);
    case 'min':
      return present.length === 0 ? null : present.reduce((a, b) => ((b as number) < (a as number) ? b : a));
    case 'max':
      return present.length === 0 ? null : present.reduce((a, b) => ((b as number) > (a as number) ? b : a));
    case 'same':
      return present[0] ?? null;
    case 'concat':
      return present.length === 0 ? null : present.flatMap((value) => value as unknown[]);
    case 'object':
      return present.length === 0 ? null : mergeObjects(present as Json[], mergedSubSelection(nodes), typeName, scope);
    case 'groupBy':
      return present.length === 0 ? null : mergeGroups(present as Json[][], mergedSubSelection(nodes), typeName, scope, false);
    case 'groupByKey':
      return present.length === 0 ? null : mergeGroups(present as Json[][], mergedSubSelection(nodes), typeName, scope, true);
    case 'connection':
      return present.length === 0 ? null : mergeConnections(present as Json[], nodes, typeName, scope);
    case 'average': {
      // Each value is one shard's { sum, count }: the network's average is Σsum / Σcount.
      let sum = 0;
      let count = 0;
      for (const value of present as Array<{ sum: unknown; count: unknown }>) {
        sum += Number(value.sum ?? 0);
        count += Number(value.count ?? 0);
      }
      return count === 0 ? null : sum / count;
    }
  }
}

export function mergeObjects(values: readonly Json[], selection: SelectionSetNode | undefined, typeName: string, scope: MergeScope): Json {
  const result: Json = {};
  const keys = scope.rules.keyFields.get(typeName);
  const type = scope.rules.schema.getType(typeName);
  const fields = type && 'getFields' in type ? type.getFields() : {};
  for (const [responseKey, nodes] of collectFields(selection, typeName, scope)) {
    const fieldName = nodes[0]!.name.value;
    const spec = scope.rules.fieldMerges.get(`${typeName}.${fieldName}`);
    if (fieldName === '__typename' || keys?.has(fieldName) || !spec) {
      // Checked at start: only key fields and the type name lack a rule here.
      result[responseKey] = values.map((value) => value[responseKey]).find((value) => value !== undefined) ?? null;
      continue;
    }
    const fieldValues =
      spec.merge === 'average'
        ? values.map((value) => ({ sum: value[averageSum(responseKey)], count: value[averageCount(responseKey)] }))
        : values.map((value) => value[responseKey]);
    const fieldType = fields[fieldName] ? namedTypeName(fields[fieldName].type.toString()) : typeName;
    result[responseKey] = mergeField(spec, fieldValues, nodes, fieldType, scope);
  }
  return result;
}

function mergeGroups(lists: readonly Json[][], selection: SelectionSetNode | undefined, itemType: string, scope: MergeScope, byKey: boolean): Json[] {
  const groups = new Map<string, { key: unknown; items: Json[] }>();
  for (const list of lists) {
    for (const item of list) {
      const key = JSON.stringify(item[GROUP_KEY]);
      const group = groups.get(key) ?? { key: item[GROUP_KEY], items: [] };
      group.items.push(item);
      groups.set(key, group);
    }
  }
  const ordered = [...groups.values()];
  if (byKey) ordered.sort((a, b) => compareKeys(a.key, b.key));
  return ordered.map((group) => mergeObjects(group.items, selection, itemType, scope));
}

/** Code-point order for strings (as the shards' binary collation sorts), numeric order for numbers. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

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
    this.first = Number(argumentValue(nodes[0]!, 'first', scope.variables) ?? DEFAULT_FIRST);
    this.edgeLists = connections.map((connection) => [...((connection[EDGES] as Json[] | undefined) ?? [])]);
    this.hasMore = connections.map((connection) => (connection[PAGE_INFO] as Json | undefined)?.[HAS_NEXT_PAGE] === true);
    this.edgeKeys = [...collectFields(mergedSubSelection(nodes), typeName, scope)].filter(([, f]) => f[0]!.name.value === 'edges').map(([key]) => key);
    const descending = this.edgeLists.some((edges) => edges.length > 0 && String(tryDecodeCursor(edges[0]![CURSOR])?.order).endsWith(':DESC'));
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
    const cursor = edge ? tryDecodeCursor(edge[CURSOR]) : null;
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

/**
 * The field as a shard must receive it: with the helper fields its merge needs (cursors and
 * `hasNextPage` of connections, the key of grouped lists), under aliases no client can use.
 */
export function withMergeHelpers(field: FieldNode, spec: MergeSpec, typeName: string, scope: MergeScope): FieldNode {
  switch (spec.merge) {
    case 'connection':
      return addSelections(field, [helperField(EDGES, 'edges', [helperField(CURSOR, 'cursor')]), helperField(PAGE_INFO, 'pageInfo', [helperField(HAS_NEXT_PAGE, 'hasNextPage')])]);
    case 'groupBy':
    case 'groupByKey':
      return addSelections(withFieldHelpers(field, typeName, scope), [helperField(GROUP_KEY, spec.key!)]);
    case 'object':
      return withFieldHelpers(field, typeName, scope);
    default:
      return field;
  }
}

function withFieldHelpers(field: FieldNode, typeName: string, scope: MergeScope): FieldNode {
  if (!field.selectionSet) return field;
  return { ...field, selectionSet: transformSelectionSet(field.selectionSet, typeName, scope) };
}

export function transformSelectionSet(selectionSet: SelectionSetNode, typeName: string, scope: MergeScope): SelectionSetNode {
  const type = scope.rules.schema.getType(typeName);
  const fields = type && 'getFields' in type ? type.getFields() : {};
  const selections = selectionSet.selections.flatMap((selection): SelectionNode[] => {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = selection.typeCondition?.name.value ?? typeName;
      return [{ ...selection, selectionSet: transformSelectionSet(selection.selectionSet, inner, scope) }];
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      // A named fragment may be spread where merges need helpers and elsewhere where they do not:
      // the shard gets it inlined here, with the helpers this spot needs.
      const fragment = scope.fragments.get(selection.name.value);
      if (!fragment) return [selection];
      const inner = fragment.typeCondition.name.value;
      return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: transformSelectionSet(fragment.selectionSet, inner, scope) }];
    }
    const spec = scope.rules.fieldMerges.get(`${typeName}.${selection.name.value}`);
    const fieldType = fields[selection.name.value];
    if (!spec || !fieldType) return [selection];
    if (spec.merge === 'average') {
      const responseKey = selection.alias?.value ?? selection.name.value;
      // The client's own field stays (a shard's average is harmless); the merge reads the helpers.
      const conditions = selection.directives ?? [];
      return [
        selection,
        { ...helperField(averageSum(responseKey), spec.sum!), directives: conditions },
        { ...helperField(averageCount(responseKey), spec.count!), directives: conditions },
      ];
    }
    return [withMergeHelpers(selection, spec, namedTypeName(fieldType.type.toString()), scope)];
  });
  return { ...selectionSet, selections };
}

function helperField(alias: string, name: string, selections?: FieldNode[]): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
    ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  };
}

function addSelections(field: FieldNode, extra: FieldNode[]): FieldNode {
  const selections = [...(field.selectionSet?.selections ?? []), ...extra];
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
}
