import { createRequire } from 'node:module';

/**
 * The results of a function of one text, kept for the first texts seen: what Apollo Server works
 * out again at every request from a header or an operation's text (a media type, a parse, a hash)
 * depends on that text alone, and the same few texts come again and again. Past `maxTexts` texts,
 * or `maxChars` of them in all, a new text is simply computed: callers write these texts, so a
 * stream of new ones is not kept at all.
 */
export class KeptResults<Result> {
  private readonly kept = new Map<string, Result>();
  private keptChars = 0;

  constructor(
    private readonly maxTexts: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  get(text: string, compute: () => Result): Result {
    // `has`, not a defined value: undefined and null are results too.
    if (this.kept.has(text)) return this.kept.get(text) as Result;
    const result = compute();
    if (this.kept.size < this.maxTexts && this.keptChars + text.length <= this.maxChars) {
      this.kept.set(text, result);
      this.keptChars += text.length;
    }
    return result;
  }
}

/** `require` as Apollo Server resolves it: the copy of a package it loads itself, which is the one to install on. */
export const requireFromApolloServer = createRequire(require.resolve('@apollo/server'));
