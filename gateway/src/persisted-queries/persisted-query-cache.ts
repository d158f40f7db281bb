import { createHash } from 'node:crypto';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';

/** The hash a client sends for a persisted query: SHA-256 of its exact text, in hex. */
export function persistedQueryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** Apollo prefixes the persisted-query keys it reads and writes with this. */
const KEY_PREFIX = 'apq:';

/**
 * The store of persisted queries: the known operations (the dashboard's), answered from a fixed
 * list that no client can change, and behind them the queries clients register at run time
 * (automatic persisted queries), kept in a bounded in-memory cache.
 */
export class PersistedQueryCache implements KeyValueCache<string> {
  private readonly known: ReadonlyMap<string, string>;

  constructor(
    operations: Readonly<Record<string, string>>,
    private readonly registered: KeyValueCache<string> = new InMemoryLRUCache<string>({ maxSize: 8 * 1024 * 1024 }),
  ) {
    this.known = new Map(Object.values(operations).map((query) => [persistedQueryHash(query), query]));
  }

  async get(key: string): Promise<string | undefined> {
    const known = key.startsWith(KEY_PREFIX) ? this.known.get(key.slice(KEY_PREFIX.length)) : undefined;
    return known ?? this.registered.get(key);
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    // A known operation's text is fixed; registering it again changes nothing.
    if (key.startsWith(KEY_PREFIX) && this.known.has(key.slice(KEY_PREFIX.length))) return;
    await this.registered.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.registered.delete(key);
  }
}
