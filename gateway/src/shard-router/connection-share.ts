import { Kind, type ArgumentNode, type FieldNode, type VariableDefinitionNode } from 'graphql';
import { HELPER_PREFIX } from './merge-rules';
import type { Shard } from './shard-set';

/** The largest page the cluster subgraph serves; a larger `first` is the shards' to refuse. */
const MAX_FIRST = 100;

/**
 * How many shards, on average, may run out of rows before a page is full and need asking again:
 * each such shard costs one more exchange (and its round trip) where every extra row asked of all
 * of them costs bytes, parsing and checking on every request.
 */
const EXPECTED_SHORT_SHARDS = 0.25;

/** How many rows each shard gave a paged field's last page: where the next page's rows are likely to come from. */
export type RowCounts = WeakMap<Shard, number>;

/** Half a row added to every shard's count: one that gave no row last time is still asked for one or two. */
const SMOOTHING = 0.5;

/**
 * How many rows to ask each of `targets` for, for a page of `first`. Where a page's rows fall is
 * modelled as drawn at random: shard i holds a part p_i of them (its part of the field's last page,
 * smoothed so that a shard that gave none still counts; an even part before any page is known), so
 * it holds about Poisson(first·p_i) of the page's rows. The last page is the better guide than the
 * shards' sizes: an order can put one cluster's rows first (the largest companies, the newest
 * members). Each is asked for enough that all of them run out early only
 * `EXPECTED_SHORT_SHARDS` times per request; the merge asks one that did for the rest, so the page
 * stays exact whatever the order's skew. Undefined: ask each for the whole page.
 */
export function initialShares(first: unknown, targets: readonly Shard[], counts: RowCounts): Map<Shard, number> | undefined {
  if (targets.length < 2 || typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_FIRST) return undefined;
  const known = targets.map((shard) => counts.get(shard));
  const total = known.every((count) => count !== undefined) ? known.reduce((sum: number, count) => sum + count! + SMOOTHING, 0) : 0;
  const tail = EXPECTED_SHORT_SHARDS / targets.length;
  const shares = new Map<Shard, number>();
  let fewer = false;
  targets.forEach((shard, index) => {
    const expected = total > 0 ? (first * (known[index]! + SMOOTHING)) / total : first / targets.length;
    const share = Math.min(first, Math.max(1, poissonQuantile(expected, tail)));
    if (share < first) fewer = true;
    shares.set(shard, share);
  });
  return fewer ? shares : undefined;
}

/** The smallest s with P(X > s) ≤ tail for X ~ Poisson(mean). */
export function poissonQuantile(mean: number, tail: number): number {
  let probability = Math.exp(-mean);
  let below = probability;
  let s = 0;
  while (1 - below > tail && s < MAX_FIRST) {
    s += 1;
    probability *= mean / s;
    below += probability;
  }
  return s;
}

/** The variables that carry one field's per-shard `first` and `after`. */
export interface PagingVariables {
  first: string;
  after: string;
  definitions: VariableDefinitionNode[];
}

export function pagingVariables(index: number): PagingVariables {
  const first = `${HELPER_PREFIX}first_${index}`;
  const after = `${HELPER_PREFIX}after_${index}`;
  const definition = (name: string, type: string): VariableDefinitionNode => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
  });
  return { first, after, definitions: [definition(first, 'Int'), definition(after, 'String')] };
}

/** The field with its `first` and `after` read from the paging variables, the rest untouched. */
export function withPagingArguments(field: FieldNode, variables: PagingVariables): FieldNode {
  const argument = (name: string, variable: string): ArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
  });
  const others = (field.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after');
  return { ...field, arguments: [...others, argument('first', variables.first), argument('after', variables.after)] };
}
