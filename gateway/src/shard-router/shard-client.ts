import { isCallersFault } from '../../../shared/errors';
import { REQUEST_ID_HEADER } from '../../../shared/server/request-id';
import type { Logger } from '../../../shared/logger';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerSettings, type BreakerState } from './circuit-breaker';
import { isRetryable, schemaMismatch, unavailable, type GraphQLResponseBody, type ShardRequest, type ShardResult, type ShardTransport } from './send';
import { inSpan, SpanKind, withTraceHeaders } from '../../../shared/tracing/tracing';
import { InFlightReads } from './read-sharing';
import type { Shard } from './shard-set';

export interface ShardClientSettings {
  breaker: BreakerSettings;
  /** Whether a read that failed on the way (refused, reset, 5xx) is sent once more. */
  retryReads: boolean;
  /** Whether identical reads in flight to one shard for one caller are sent once and shared (see read-sharing.ts). */
  shareReads?: boolean;
  /** Hears of every request sent and every one the circuit kept back: the gateway's metrics. */
  observer?: ShardObserver;
  /** Where a refused answer is told; the gateway's logger. */
  logger?: Pick<Logger, 'warn'>;
}

/** What the client tells of each request: how long a shard took and what came of it, or that its circuit kept the request back. */
export interface ShardObserver {
  answered(shard: Shard, subgraph: string, seconds: number, result: ShardResult): void;
  circuitRefused(shard: Shard): void;
}

/** The `reason` of a suspended cluster's CLUSTER_UNAVAILABLE. */
export const SUSPENDED_REASON = 'suspended';

export const DEFAULT_SHARD_CLIENT: ShardClientSettings = { breaker: DEFAULT_BREAKER, retryReads: true };

export interface ShardHealth {
  cluster: string;
  clusters: readonly string[];
  state: BreakerState;
  /** The last request's round trip, or null before the first. */
  lastLatencyMs: number | null;
  lastFailure: string | null;
  /** Answers refused because the shard sent what it may not (CLUSTER_MISBEHAVED), and the last reason. */
  misbehaviours: number;
  lastMisbehaviour: string | null;
  /** Documents the shard refused as invalid for its schema (CLUSTER_SCHEMA_MISMATCH), and the last reason. */
  schemaMismatches: number;
  lastSchemaMismatch: string | null;
  /** Why the deployment is left out of the network's schema (and asked nothing), if it is. */
  excludedFromSchema: string | null;
}

/**
 * How the router talks to shards: through one circuit breaker per shard, with one retry for reads,
 * and with a shard's own failure told apart from the caller's mistake. Never throws.
 */
export class ShardClient {
  // Weak: a shard the registry dropped or moved takes its records with it.
  private readonly breakers = new WeakMap<Shard, CircuitBreaker>();
  private readonly latency = new WeakMap<Shard, number>();
  private readonly lastFailure = new WeakMap<Shard, string>();
  private readonly misbehaviours = new WeakMap<Shard, { count: number; last: string }>();
  private readonly mismatches = new WeakMap<Shard, { count: number; last: string }>();
  private readonly inFlight = new InFlightReads();
  /** Deployments left out of the network's schema (they lack part of the core contract), by shard name, and why. */
  private excluded: ReadonlyMap<string, string> = new Map();

  constructor(
    private readonly transport: ShardTransport,
    private readonly settings: ShardClientSettings = DEFAULT_SHARD_CLIENT,
    private readonly now: () => number = Date.now,
  ) {}

  /** `idempotent`: a read, which may be sent twice; a mutation is sent at most once. */
  send(shard: Shard, subgraph: string, request: ShardRequest, idempotent: boolean, headers: Record<string, string> = {}): Promise<ShardResult> {
    // The secretariat's decision, not a failure: nothing is sent and the breaker hears nothing.
    if (shard.suspended) return Promise.resolve(unavailable(shard, SUSPENDED_REASON, false));
    // Left out of the network's schema: asked nothing it could not answer.
    const excluded = this.excluded.get(shard.name);
    if (excluded) return Promise.resolve(schemaMismatch(shard, excluded));
    if (!idempotent || this.settings.shareReads === false) return this.sendNow(shard, subgraph, request, idempotent, headers);
    return this.inFlight.share(shard, subgraph, request, headers.authorization, () => this.sendNow(shard, subgraph, request, idempotent, headers));
  }

  private async sendNow(shard: Shard, subgraph: string, request: ShardRequest, idempotent: boolean, headers: Record<string, string>): Promise<ShardResult> {
    const breaker = this.breakerOf(shard);
    const admission = breaker.admit();
    // Refused here, so never sent: a write refused by an open circuit certainly did not happen.
    if (!admission.admitted) {
      this.settings.observer?.circuitRefused(shard);
      return unavailable(shard, admission.reason, false);
    }
    let result = this.record(breaker, shard, await this.attempt(shard, subgraph, request, idempotent, headers), admission.probe, headers[REQUEST_ID_HEADER]);
    // A probe decides the breaker alone, and a failure that just opened the circuit is not tried again.
    const retry = idempotent && this.settings.retryReads && !admission.probe;
    if (!result.ok && retry && isRetryable(result) && breaker.state === 'closed') {
      result = this.record(breaker, shard, await this.attempt(shard, subgraph, request, idempotent, headers), false, headers[REQUEST_ID_HEADER]);
    }
    return result;
  }

  /** The deployments the network's schema leaves out now; see registry/network-schema.ts. */
  exclude(excluded: ReadonlyMap<string, string>): void {
    this.excluded = excluded;
  }

  health(shards: readonly Shard[]): ShardHealth[] {
    return shards.map((shard) => ({
      cluster: shard.name,
      clusters: shard.clusterIds,
      state: this.breakerOf(shard).state,
      lastLatencyMs: this.latency.get(shard) ?? null,
      lastFailure: this.lastFailure.get(shard) ?? null,
      misbehaviours: this.misbehaviours.get(shard)?.count ?? 0,
      lastMisbehaviour: this.misbehaviours.get(shard)?.last ?? null,
      schemaMismatches: this.mismatches.get(shard)?.count ?? 0,
      lastSchemaMismatch: this.mismatches.get(shard)?.last ?? null,
      excludedFromSchema: this.excluded.get(shard.name) ?? null,
    }));
  }

  /** A shard refused a document its schema lacks: counted and logged for `/health`, never a breaker failure. */
  private mismatched(shard: Shard, reason: string, requestId: string | undefined): void {
    this.tally(this.mismatches, shard, reason, 'shard schema mismatch', requestId);
  }

  /**
   * A shard's answer refused for what it held (another cluster's rows, a wrong shape, too many rows,
   * too large a body). It is recorded and logged, but does not count toward the circuit: the shard
   * answered, and one operation's refusal must not take the cluster out of every other answer.
   * `requestId` names the request whose answer it was in the log line.
   */
  refused(shard: Shard, reason: string, requestId?: string): void {
    this.tally(this.misbehaviours, shard, reason, 'shard answer refused', requestId);
  }

  /** One more event of a kind for `/health` (how many, and the last reason), and its log line. */
  private tally(records: WeakMap<Shard, { count: number; last: string }>, shard: Shard, reason: string, message: string, requestId: string | undefined): void {
    const record = records.get(shard) ?? { count: 0, last: reason };
    record.count += 1;
    record.last = reason;
    records.set(shard, record);
    this.settings.logger?.warn({ cluster: shard.name, clusters: shard.clusterIds, reason, ...(requestId ? { requestId } : {}) }, message);
  }

  private record(breaker: CircuitBreaker, shard: Shard, result: ShardResult, probe: boolean, requestId: string | undefined): ShardResult {
    if (result.ok) breaker.succeeded();
    else if (result.failure === 'misbehaved') {
      breaker.succeeded();
      this.refused(shard, result.reason, requestId);
    } else if (result.failure === 'schema-mismatch') {
      // It answered, and only this document is beyond it: its circuit stays as it was, so the
      // queries it can serve keep reaching it.
      breaker.succeeded();
      this.mismatched(shard, result.reason, requestId);
    } else {
      breaker.failed(result.reason, probe);
      this.lastFailure.set(shard, result.reason);
    }
    return result;
  }

  private async attempt(shard: Shard, subgraph: string, request: ShardRequest, idempotent: boolean, headers: Record<string, string>): Promise<ShardResult> {
    const started = this.now();
    const precise = process.hrtime.bigint();
    // One client span per request sent; its traceparent lets the deployment's spans join the trace.
    const sent = await inSpan(
      `shard ${subgraph}`,
      SpanKind.CLIENT,
      { 'itro.cluster': shard.name, 'itro.subgraph': subgraph },
      () => this.transport(shard, subgraph, request, withTraceHeaders(headers)),
      (answer) => (answer.ok ? undefined : answer.reason),
    );
    const result = this.judged(sent, idempotent);
    this.latency.set(shard, this.now() - started);
    this.settings.observer?.answered(shard, subgraph, Number(process.hrtime.bigint() - precise) / 1e9, result);
    return result;
  }

  /** What a shard's answer means: a refusal of the document as invalid, a failure the answer reports, or the answer. */
  private judged(result: ShardResult, idempotent: boolean): ShardResult {
    const { shard } = result;
    if (!result.ok) return result;
    const invalid = validationFailure(result.body);
    if (invalid) return schemaMismatch(shard, invalid);
    // A mutation's answer goes to the caller as the shard gave it: a write that failed inside its
    // transaction is that write's error, and another root field of the same mutation may have
    // committed. Only a shard that did not answer is unavailable.
    if (!idempotent) return result;
    const failure = shardFailure(result.body);
    return failure ? unavailable(shard, failure) : result;
  }

  private breakerOf(shard: Shard): CircuitBreaker {
    let breaker = this.breakers.get(shard);
    if (!breaker) {
      breaker = new CircuitBreaker(this.settings.breaker, this.now);
      this.breakers.set(shard, breaker);
    }
    return breaker;
  }
}

/**
 * The reason a shard refused the gateway's own document as invalid for its schema, if it did: the
 * gateway validated the client's operation against the network's schema before it sent anything,
 * so this is the shard's schema differing (a version ahead or behind), never the caller's mistake.
 */
export function validationFailure(body: GraphQLResponseBody): string | undefined {
  if (body.data) return undefined;
  const invalid = (body.errors ?? []).find((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  return invalid ? `its schema does not serve this query: ${invalid.message}` : undefined;
}

/** The reason a well-formed answer still means the shard failed: an error that is not the caller's. */
export function shardFailure(body: GraphQLResponseBody): string | undefined {
  // The caller's own mistakes reach the client as they are and leave the shard's record clean.
  const failing = (body.errors ?? []).find((error) => !isCallersFault(error.extensions?.code));
  if (!failing) return undefined;
  return `GraphQL error ${String(failing.extensions?.code ?? 'without a code')}: ${failing.message}`;
}

