import { tryDecodeCursor, type Cursor } from '../../../shared/cursor';

/** Enough for the rows of a few hundred pages; when full it starts again, so it stays bounded. */
const MAX_KEPT = 20_000;
const decoded = new Map<string, Readonly<Cursor> | null>();

/**
 * A shard's cursor, decoded once: the answer check decodes every row's cursor and the merge
 * decodes them again to order the rows, and pages asked again bring the same cursors back. What
 * it returns is frozen, since every caller of a text shares it.
 */
export function decodedCursor(text: unknown): Readonly<Cursor> | null {
  if (typeof text !== 'string') return null;
  let cursor = decoded.get(text);
  if (cursor === undefined) {
    const fresh = tryDecodeCursor(text);
    cursor = fresh ? Object.freeze(fresh) : null;
    if (decoded.size >= MAX_KEPT) decoded.clear();
    decoded.set(text, cursor);
  }
  return cursor;
}
