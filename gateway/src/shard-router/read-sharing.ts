import type { ShardRequest, ShardResult } from './send';
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
    return shared.answer.then((result) => (shared.waiting > 1 && result.ok ? { ...result, body: structuredClone(result.body) } : result));
  }
}
