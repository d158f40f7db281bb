import { createHash as nodeHash, type BinaryToTextEncoding, type Hash } from 'node:crypto';
import { createRequire } from 'node:module';

type CreateHash = (kind: string) => Pick<Hash, 'update' | 'digest'>;

/** Texts kept at most, and their length in all: a stream of new operations is simply hashed. */
const MAX_TEXTS = 2_000;
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

const digests = new Map<string, string>();
let keptChars = 0;
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
      const known = digests.get(this.text);
      if (known !== undefined) return known;
      const computed = nodeHash('sha256').update(this.text).digest('hex');
      if (digests.size < MAX_TEXTS && keptChars + this.text.length <= MAX_KEPT_CHARS) {
        digests.set(this.text, computed);
        keptChars += this.text.length;
      }
      return computed;
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
  const fromApollo = createRequire(require.resolve('@apollo/server'));
  const module = fromApollo('@apollo/utils.createhash') as { createHash: CreateHash };
  const create = module.createHash;
  module.createHash = (kind) => (kind === 'sha256' ? (new RememberingSha256() as unknown as Pick<Hash, 'update' | 'digest'>) : create(kind));
}
