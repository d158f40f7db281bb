import { createRequire } from 'node:module';
import { keepContentTypeParses } from '../server/content-type-memo';

type MimeTypeClass = { parse(text: string): { essence: string; toString(): string } | null };

const fromApollo = createRequire(require.resolve('@apollo/server'));
const MimeType = fromApollo('whatwg-mimetype') as MimeTypeClass;

// What callers send as Content-Type, well formed or not.
const TEXTS = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '', 'not a type', 'application/', ';;;', 'application/graphql-response+json'];

describe('Content-Type parses kept for Apollo Server', () => {
  const before = new Map<string, string | null>();
  beforeAll(() => {
    for (const text of TEXTS) before.set(text, MimeType.parse(text)?.toString() ?? null);
    keepContentTypeParses();
  });

  it('gives what whatwg-mimetype gives, asked once or again, nulls included', () => {
    for (let round = 0; round < 2; round++) for (const text of TEXTS) expect([text, MimeType.parse(text)?.toString() ?? null]).toEqual([text, before.get(text)]);
    expect(MimeType.parse('application/json; charset=utf-8')?.essence).toBe('application/json');
    expect(MimeType.parse('not a type')).toBeNull();
  });

  it('still parses correctly beyond the texts it keeps', () => {
    for (let index = 0; index < 500; index++) expect(MimeType.parse(`application/x-${index}; q=1`)?.essence).toBe(`application/x-${index}`);
  });
});
