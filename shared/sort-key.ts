/**
 * The stored sort key of a name: NFD-decomposed, combining marks removed, lower-cased, whitespace
 * collapsed and trimmed. `Ș` and `Ş` sort as `s` on SQLite, on MySQL (binary collation) and in the
 * gateway alike; trimming matters because MySQL's PAD SPACE collations ignore trailing blanks.
 */
export function foldSortKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Orders strings by code point, the order SQLite's BINARY and MySQL's `utf8mb4_bin` give for UTF-8.
 * JavaScript's `<` compares UTF-16 code units, which disagrees for characters beyond U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}
