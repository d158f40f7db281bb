import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { fieldsOf } from './connection-walk';

/** A table column: the path of response keys from the node to one leaf field. */
export type Column = readonly string[];

/**
 * The leaf fields a node selection asks for, in the order it asks for them: `cluster.name`,
 * `membership.fees.year`… Fields asked for twice under one response key (directly and through a
 * fragment, say) are merged, as GraphQL merges them in the answer.
 */
export function columnsOf(selection: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, prefix: readonly string[] = []): Column[] {
  const byKey = new Map<string, FieldNode[]>();
  for (const field of fieldsOf(selection, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  return [...byKey].flatMap(([key, fields]) => {
    const selections = fields.flatMap((field) => field.selectionSet?.selections ?? []);
    if (selections.length === 0) return [[...prefix, key]];
    return columnsOf({ kind: Kind.SELECTION_SET, selections }, fragments, [...prefix, key]);
  });
}

export const columnName = (column: Column) => column.join('.');

/** Joins the values of a leaf inside lists (a member's fees' years): "2019; 2020". */
export const LIST_SEPARATOR = '; ';

/**
 * One cell of the table: the leaf at `column` in `node`. Through a list, every item's leaf is
 * taken and the values are joined; a missing or null value is an empty cell; objects the
 * selection did not reach cannot occur, since columns end at leaves.
 */
export function cell(node: unknown, column: Column): string | number | boolean | null {
  const values = collect(node, column);
  if (values.length === 0) return null;
  if (values.length === 1 && !reachedThroughList(node, column)) return scalar(values[0]);
  return values.map((value) => String(scalar(value) ?? '')).join(LIST_SEPARATOR);
}

/** A node as one row of cells, in the columns' order. */
export function flattenNode(node: unknown, columns: readonly Column[]): Array<string | number | boolean | null> {
  return columns.map((column) => cell(node, column));
}

function collect(value: unknown, path: readonly string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => collect(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== 'object') return [];
  return collect((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

function reachedThroughList(value: unknown, path: readonly string[]): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || value === undefined || typeof value !== 'object' || path.length === 0) return false;
  return reachedThroughList((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

function scalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A custom scalar holding an object (none in this schema today) is kept whole.
  return JSON.stringify(value);
}
