import { badUserInput } from '../../../../shared/errors';
import { foldSortKey } from '../../../../shared/sort-key';

export const MAX_SEARCH_LENGTH = 200;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A LIKE pattern matching folded text containing `needle`. `!` escapes the wildcards: a backslash
 * would need different quoting on MySQL and SQLite.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

export function containsPattern(needle: string, argument: string): string {
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`${argument} is longer than ${MAX_SEARCH_LENGTH} characters`, { argument });
  }
  // No name or title holds one, and the backends disagree on them: SQLite ends a LIKE pattern at a
  // NUL (so it matched every row), MySQL does not (so it matched none).
  if (CONTROL_CHARACTER.test(needle)) throw badUserInput(`${argument} may not contain control characters`, { argument });
  return `%${foldSortKey(needle).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
