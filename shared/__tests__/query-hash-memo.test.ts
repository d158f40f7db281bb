import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { keepQueryHashes } from '../server/query-hash-memo';

interface HashLike {
  update(data: string | Uint8Array, encoding?: BufferEncoding): HashLike;
  digest(encoding?: 'hex' | 'base64'): string | Buffer;
}
type CreateHash = (kind: string) => HashLike;

const fromApollo = createRequire(require.resolve('@apollo/server'));
const apolloHashes = fromApollo('@apollo/utils.createhash') as { createHash: CreateHash };
const sha256 = (text: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex') => createHash('sha256').update(text).digest(encoding);

describe('query hashes kept for Apollo Server', () => {
  beforeAll(() => keepQueryHashes());

  it('names an operation by the SHA-256 node:crypto computes, the first time and every time after', () => {
    const texts = ['{ members(first: 50) { edges { node { id } } } }', '', 'query Ünïcode { clusters { name } }', 'x'.repeat(100_000)];
    for (let round = 0; round < 3; round++) {
      for (const text of texts) expect(apolloHashes.createHash('sha256').update(text).digest('hex')).toBe(sha256(text));
    }
  });

  it('hands every other use to node:crypto unchanged', () => {
    const bytes = new TextEncoder().encode('bytes, not a string');
    expect(apolloHashes.createHash('sha256').update(bytes).digest('hex')).toBe(sha256(bytes));
    expect(apolloHashes.createHash('sha256').update('a').update('b').digest('hex')).toBe(sha256('ab'));
    expect(apolloHashes.createHash('sha256').update('base64 wanted').digest('base64')).toBe(sha256('base64 wanted', 'base64'));
    expect((apolloHashes.createHash('sha256').update('raw').digest() as Buffer).equals(createHash('sha256').update('raw').digest())).toBe(true);
    expect(apolloHashes.createHash('sha256').update('6869', 'hex').digest('hex')).toBe(sha256(Buffer.from('hi')));
    expect(apolloHashes.createHash('sha512').update('other kind').digest('hex')).toBe(createHash('sha512').update('other kind').digest('hex'));
  });

  it('keeps answering right past the texts it keeps', () => {
    for (let index = 0; index < 3_000; index++) {
      const text = `{ member(id: "transilvania:${index}") { id } }`;
      expect(apolloHashes.createHash('sha256').update(text).digest('hex')).toBe(sha256(text));
    }
  });
});
