import { badUserInput } from './errors';
import { describeInput, tryDecodeGlobalId, type GlobalId } from './global-id';
import { compareCodePoints } from './sort-key';

export type SortDirection = 'ASC' | 'DESC';
export type SortValue = string | number;

/**
 * What a keyset cursor carries: the ordering it belongs to, the row's sort value and its global id.
 * It needs no state in the gateway and is valid on every shard, because the order is total:
 * (value, clusterId, localId), the direction applying to the whole tuple.
 */
export interface Cursor extends GlobalId {
  order: string;
  value: SortValue;
}

export function encodeCursor(cursor: Cursor): string {
  const payload = JSON.stringify([cursor.order, cursor.value, `${cursor.clusterId}:${cursor.localId}`]);
  return Buffer.from(payload, 'utf8').toString('base64url');
}

/** Decodes a cursor for the ordering `order` (e.g. `NAME:ASC`); anything else is `BAD_USER_INPUT`. */
export function decodeCursor(text: unknown, order: string): Cursor {
  const cursor = tryDecodeCursor(text);
  if (!cursor) throw badUserInput(`Malformed cursor ${describeInput(text)}`, { argument: 'after' });
  if (cursor.order !== order) {
    throw badUserInput(`The cursor belongs to ordering ${cursor.order}, not ${order}`, { argument: 'after' });
  }
  return cursor;
}

export function tryDecodeCursor(text: unknown): Cursor | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) {
    return null;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(payload) || payload.length !== 3) return null;
  const [order, value, id] = payload as unknown[];
  if (typeof order !== 'string' || !/^[A-Z_]+:(ASC|DESC)$/.test(order)) return null;
  if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) return null;
  const globalId = tryDecodeGlobalId(id);
  return globalId ? { order, value, ...globalId } : null;
}

/** Compares two rows' positions in the total order, ascending. */
export function compareCursors(a: Cursor, b: Cursor): number {
  return (
    compareSortValues(a.value, b.value) ||
    compareCodePoints(a.clusterId, b.clusterId) ||
    a.localId - b.localId
  );
}

function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

export function orderName(field: string, direction: SortDirection): string {
  return `${field}:${direction}`;
}
