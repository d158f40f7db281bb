import { KeptResults, requireFromApolloServer } from './kept-results';

/** The part of `whatwg-mimetype`'s MIME type Apollo Server reads. */
interface ParsedMimeType {
  readonly essence: string;
}

interface MimeTypeClass {
  parse(text: string): ParsedMimeType | null;
}

/** Texts kept at most: `Content-Type` is the caller's to write, so a stream of new ones is not kept at all. */
const parsed = new KeptResults<ParsedMimeType | null>(64);
let installed = false;

/**
 * Apollo Server parses the request's `Content-Type` with `whatwg-mimetype` at every request (its
 * CSRF check, then the body's reading), for a header that is nearly always `application/json`:
 * 1 % of a subgraph's CPU on a lookup, and as much of the gateway's. The parse depends on the text
 * alone, so its result is kept for the first few dozen texts seen and handed out again. Apollo
 * Server is the package's only user here and only reads the result's `essence`, so one result can
 * serve every request; installed on the copy of the package Apollo Server itself loads.
 */
export function keepContentTypeParses(): void {
  if (installed) return;
  installed = true;
  const MimeType = requireFromApolloServer('whatwg-mimetype') as MimeTypeClass;
  const parse = MimeType.parse.bind(MimeType);
  MimeType.parse = (text) => (typeof text === 'string' ? parsed.get(text, () => parse(text)) : parse(text));
}
