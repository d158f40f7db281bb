import { createHash as nodeHash, type BinaryToTextEncoding, type Hash } from 'node:crypto';
import { KeptResults, requireFromApolloServer } from './kept-results';

type CreateHash = (kind: string) => Pick<Hash, 'update' | 'digest'>;

/** Texts kept at most, and their length in all: a stream of new operations is simply hashed. */
const digests = new KeptResults<string>(2_000, 4 * 1024 * 1024);
let installed = false;

/**
 * A SHA-256 asked for one string and read as hex, the way Apollo Server names every operation it
 * receives (the key of its parsed-document cache), is looked up here before it is computed: the
 * same few operation texts arrive again and again (the router's shard documents, the dashboard's
 * queries), and creating a hash object for each cost a subgraph 3 % of its CPU on a lookup. Any
 * other use (several updates, bytes, another encoding) goes to node:crypto as it would have.
 */
class RememberingSha256 {
  private text: string | undefined;
  private hash: Hash | undefined;

  update(data: string | NodeJS.ArrayBufferView, encoding?: BufferEncoding): this {
    if (this.hash === undefined && this.text === undefined && typeof data === 'string' && encoding === undefined) {
      this.text = data;
      return this;
    }
    const hash = this.streaming();
    if (typeof data === 'string' && encoding !== undefined) hash.update(data, encoding);
    else hash.update(data);
    return this;
  }

  digest(encoding?: BinaryToTextEncoding): string | Buffer {
    if (this.hash === undefined && this.text !== undefined && encoding === 'hex') {
      const text = this.text;
      return digests.get(text, () => nodeHash('sha256').update(text).digest('hex'));
    }
    const hash = this.streaming();
    return encoding === undefined ? hash.digest() : hash.digest(encoding);
  }

  /** A real hash, given what was held back so far. */
  private streaming(): Hash {
    if (this.hash === undefined) {
      this.hash = nodeHash('sha256');
      if (this.text !== undefined) this.hash.update(this.text);
    }
    return this.hash;
  }
}

/** Installs the lookup on the copy of `@apollo/utils.createhash` Apollo Server itself loads. */
export function keepQueryHashes(): void {
  if (installed) return;
  installed = true;
  const module = requireFromApolloServer('@apollo/utils.createhash') as { createHash: CreateHash };
  const create = module.createHash;
  module.createHash = (kind) => (kind === 'sha256' ? (new RememberingSha256() as unknown as Pick<Hash, 'update' | 'digest'>) : create(kind));
}
