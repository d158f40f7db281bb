import type { GraphQLResponseBody, ShardRequest, ShardResult } from './send';
import type { Shard } from './shard-set';

/**
 * Identical reads in flight to one shard, sent once: the same subgraph, document and variables for
 * the same caller (the same `Authorization`, so the same access rules) get the same answer, so a
 * second one waits for the first instead of costing the shard the work again. Writes are never
 * shared. Dashboards polling one persisted query from many screens are the common case.
 */
export class InFlightReads {
  private readonly pending = new Map<string, { answer: Promise<ShardResult>; waiting: number }>();

  share(shard: Shard, subgraph: string, request: ShardRequest, caller: string | undefined, send: () => Promise<ShardResult>): Promise<ShardResult> {
    const key = JSON.stringify([shard.baseUrl, subgraph, caller ?? null, request.query, request.variables ?? null, request.operationName ?? null]);
    let entry = this.pending.get(key);
    if (!entry) {
      const answer = send();
      const created = { answer, waiting: 0 };
      entry = created;
      this.pending.set(key, created);
      // Runs before any waiter resumes (it was attached first), so no one joins a settled answer
      // and `waiting` is final when they read it.
      void answer.finally(() => this.pending.delete(key));
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
