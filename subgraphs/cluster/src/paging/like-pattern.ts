import { badUserInput } from '../../../../shared/errors';
import { foldSortKey } from '../../../../shared/sort-key';

export const MAX_SEARCH_LENGTH = 200;

/**
 * A LIKE pattern matching folded text containing `needle`. `!` escapes the wildcards: a backslash
 * would need different quoting on MySQL and SQLite.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

export function containsPattern(needle: string, argument: string): string {
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`${argument} is longer than ${MAX_SEARCH_LENGTH} characters`, { argument });
  }
  return `%${foldSortKey(needle).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
