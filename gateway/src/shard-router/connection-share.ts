import { Kind, type ArgumentNode, type FieldNode, type VariableDefinitionNode } from 'graphql';
import { HELPER_PREFIX } from './merge-rules';

/** The largest page the cluster subgraph serves; a larger `first` is the shards' to refuse. */
const MAX_FIRST = 100;

/**
 * How many rows to ask each of `shards` shards for, for a page of `first`: about twice a shard's
 * even share, plus a margin, so that a shard runs out before the page is full only when the rows
 * are skewed towards it; the merge then asks that shard for the rest. Every shard sends about
 * 2·first rows in all instead of shards·first, and the merge stays exact.
 */
export function initialShare(first: unknown, shards: number): number | undefined {
  if (shards < 2 || typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_FIRST) return undefined;
  const share = Math.ceil((2 * first) / shards) + 3;
  return share < first ? share : undefined;
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
