import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { encodeCursor } from '../../shared/cursor';
import { encodeGlobalId } from '../../shared/global-id';
import { initialShares } from '../../gateway/src/shard-router/connection-share';
import type { Shard } from '../../gateway/src/shard-router/shard-set';
import { ConnectionMerge, type MergeScope } from '../../gateway/src/shard-router/merge-rules';
import { compileShardRules } from '../../gateway/src/shard-router/shard-rules';
import { median } from './table';
import { SHARD_DIRECTIVE_SDL } from '../../shared/shard-directive';
import { FEDERATION_LINK } from '../../shared/server/federated-schema';

const SDL = `
${FEDERATION_LINK}
${SHARD_DIRECTIVE_SDL}
type Query { members(first: Int, after: String): MemberConnection! @shard(route: "all", merge: "connection") }
type Member @key(fields: "id") @shard(route: "id", arg: "id") { id: ID! }
type MemberEdge { cursor: String! node: Member! }
type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
`;

export interface MergeCost {
  /** Rows the shards are asked for on a page's first round: each its share, not the whole page. */
  rowsAsked: number;
  microsPerRow: number;
  comparisonsPerRow: number;
}

/**
 * The k-way merge alone, in this process: `shards` answers of their share of rows each, merged
 * into one page of `first` rows again and again. What it costs per returned row should grow with
 * log(shards), not with shards × first.
 */
export function measureMerge(shards: number, first: number): MergeCost {
  const rules = compileShardRules('members', SDL);
  const scope: MergeScope = { schema: rules.schema, rules, variables: {}, fragments: new Map() };
  const field = (parse(`{ members(first: ${first}) { edges { cursor node { id } } totalCount pageInfo { hasNextPage endCursor } } }`).definitions[0] as OperationDefinitionNode)
    .selectionSet.selections[0] as FieldNode;
  // Names interleave across shards, as they do in the seeded network, so no shard runs short.
  // Each shard holding an even part of the rows, as before any of their counts is known.
  const targets = Array.from({ length: shards }, (_, index): Shard => ({ name: `c${index}`, clusterIds: [`c${index}`], baseUrl: `http://c${index}`, timeoutMs: 1000, suspended: false }));
  const share = initialShares(first, targets, new WeakMap())?.get(targets[0]!) ?? first;
  const answers = Array.from({ length: shards }, (_, shard) => {
    const edges = Array.from({ length: share }, (_, row) => {
      const name = `member ${String(row * shards + shard).padStart(6, '0')}`;
      const cursor = encodeCursor({ order: 'NAME:ASC', value: name, clusterId: `c${shard}`, localId: row + 1 });
      return { cursor, node: { id: encodeGlobalId(`c${shard}`, row + 1) }, __sr_cursor: cursor };
    });
    return { edges, __sr_edges: edges, totalCount: first * 2, pageInfo: { hasNextPage: true, endCursor: edges.at(-1)!.cursor }, __sr_pageInfo: { __sr_hasNextPage: true } };
  });
  const merge = () => {
    const connectionMerge = new ConnectionMerge(answers, [field], 'MemberConnection', scope);
    connectionMerge.advance();
    connectionMerge.result();
    return connectionMerge.comparisons;
  };
  for (let i = 0; i < 500; i++) merge();
  // The median of several timed batches: this machine's timing noise is larger than the merge.
  const rounds = 2000;
  const batches = Array.from({ length: 7 }, () => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) merge();
    return Number(process.hrtime.bigint() - started) / 1000 / rounds / first;
  });
  return { rowsAsked: shards * share, microsPerRow: median(batches), comparisonsPerRow: merge() / first };
}
