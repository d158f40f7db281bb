import type { GraphQLResponseBody, ShardRequest, ShardResult } from './send';
import type { Shard } from './shard-set';

/**
 * Identical reads in flight to one shard, sent once: the same subgraph, document and variables for
 * the same caller (the same `Authorization`, so the same access rules) get the same answer, so a
 * second one waits for the first instead of costing the shard the work again. Writes are never
 * shared. Dashboards polling one persisted query from many screens are the common case.
 */
export class InFlightReads {
  /**
   * By document, then by the rest of what makes two reads the same. Documents are the router's
   * own printed texts, the same string each time, whose hash the engine keeps: looking one up
   * costs nothing, where a key that spelled the document out would be hashed anew per request.
   */
  private readonly pending = new Map<string, Map<string, { answer: Promise<ShardResult>; waiting: number }>>();

  share(shard: Shard, subgraph: string, request: ShardRequest, caller: string | undefined, send: () => Promise<ShardResult>): Promise<ShardResult> {
    let sameDocument = this.pending.get(request.query);
    if (!sameDocument) this.pending.set(request.query, (sameDocument = new Map()));
    const key = JSON.stringify([shard.baseUrl, subgraph, caller ?? null, request.variables ?? null, request.operationName ?? null]);
    let entry = sameDocument.get(key);
    if (!entry) {
      const answer = send();
      const created = { answer, waiting: 0 };
      entry = created;
      const readers = sameDocument;
      readers.set(key, created);
      // Runs before any waiter resumes (it was attached first), so no one joins a settled answer
      // and `waiting` is final when they read it.
      void answer.finally(() => {
        readers.delete(key);
        if (readers.size === 0 && this.pending.get(request.query) === readers) this.pending.delete(request.query);
      });
    }
    entry.waiting += 1;
    const shared = entry;
    // Each caller's answer is its own: the gateway's result shaping writes into the objects it is given.
    return shared.answer.then((result) => (shared.waiting > 1 && result.ok ? { ...result, body: ownCopy(result) } : result));
  }
}

/** A copy of a shared answer: parsed again from its text (twice as fast as a structured clone), or cloned when there is none. */
function ownCopy(result: Extract<ShardResult, { ok: true }>): GraphQLResponseBody {
  return result.text === undefined ? structuredClone(result.body) : (JSON.parse(result.text) as GraphQLResponseBody);
}
