import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GATEWAY_ASSERTION_HEADER, type AssertionSigner } from '../../../shared/auth/gateway-assertion';
import { errorBody } from '../../../shared/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/idempotency/idempotency-key';
import { REQUEST_ID_HEADER } from '../../../shared/server/request-id';
import { ANSWER_CHECKS, type AnswerChecks } from './answer-check';
import { fetchEntities } from './entity-fetch';
import type { FetchScope, Json, Outgoing } from './fetch-scope';
import { OperationPlanCache } from './operation-plan';
import { fetchRootFields } from './root-fetch';
import { withVariableDefaults } from './route';
import type { Variables } from './selection';
import type { GatewayContext } from '../gateway-context';
import type { ShardClient } from './shard-client';
import type { Shard, ShardSet } from './shard-set';
import type { ShardRules } from './shard-rules';

/**
 * The data source of one sharded logical subgraph. For each fetch the query planner sends it, it
 * picks the shards that own the data (route), sends each its part (split, send), and puts the
 * answers together as one database would have given them (merge, reassemble).
 */
export class ShardRouter implements GraphQLDataSource {
  private plans = new OperationPlanCache();

  constructor(
    readonly subgraph: string,
    private rules: ShardRules,
    shards: ShardSet | (() => ShardSet),
    private readonly client: ShardClient,
    private readonly signAssertion: AssertionSigner,
    private readonly checks: AnswerChecks = ANSWER_CHECKS,
  ) {
    this.currentShards = typeof shards === 'function' ? shards : () => shards;
  }

  /**
   * Serves the subgraph's schema as the network now composes it. Set with the supergraph it was
   * composed with: the gateway plans every fetch on the newest supergraph, so the rules follow it.
   */
  useRules(rules: ShardRules): void {
    this.rules = rules;
    this.plans = new OperationPlanCache();
  }

  /** The network's shards now; a request uses the set it began with (`GatewayContext.shards`). */
  private readonly currentShards: () => ShardSet;

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const query = options.request.query;
    if (!query) return { errors: [errorBody('INTERNAL_SERVER_ERROR', 'The shard router needs the query text')] };
    if (options.kind !== 'incoming operation') return this.forwardToAnyShard(query, options.request.variables ?? {});
    const plan = this.plans.get(query);
    const variables = withVariableDefaults(plan.operation, (options.request.variables ?? {}) as Variables);
    const fetch: FetchScope = {
      rules: this.rules,
      checks: this.checks,
      plan,
      variables,
      outgoing: this.outgoing(options.context),
      shards: (options.context as Partial<GatewayContext> | undefined)?.shards ?? this.currentShards(),
    };
    // The stages of a fetch, in order, live in the files they name: root-fetch.ts for root fields
    // (route, split, send, check, merge, reassemble), entity-fetch.ts for `_entities`.
    const response = plan.entitiesField ? await fetchEntities(fetch, plan.entitiesField) : await fetchRootFields(fetch);
    return response as GatewayGraphQLResponse;
  }

  /**
   * How this request reaches shards: with the gateway's assertion for the shard's clusters, and the
   * caller's `Authorization` header and nothing else that names the caller. Each shard verifies both.
   * A mutation (the one request that is not idempotent) also carries the caller's Idempotency-Key,
   * to the one shard it goes to; reads never do, as they have nothing to deduplicate.
   */
  private outgoing(context: unknown): Outgoing {
    const { authorization, idempotencyKey, requestId } = (context as Partial<GatewayContext> | undefined) ?? {};
    return {
      send: async (shard, request, idempotent) =>
        this.client.send(shard, this.subgraph, request, idempotent, await this.headersFor(shard, { authorization, requestId, idempotencyKey: idempotent ? undefined : idempotencyKey })),
      refused: (shard, reason) => this.client.refused(shard, reason, requestId),
    };
  }

  private async headersFor(shard: Shard, caller: Pick<GatewayContext, 'authorization' | 'idempotencyKey' | 'requestId'> = {}): Promise<Record<string, string>> {
    const headers: Record<string, string> = { [GATEWAY_ASSERTION_HEADER]: await this.signAssertion(shard.clusterIds) };
    if (caller.requestId) headers[REQUEST_ID_HEADER] = caller.requestId;
    if (caller.authorization) headers.authorization = caller.authorization;
    if (caller.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = caller.idempotencyKey;
    return headers;
  }

  /** Schema loading and health checks: any shard answers for all, since all serve one schema. */
  private async forwardToAnyShard(query: string, variables: Json): Promise<GatewayGraphQLResponse> {
    let lastReason = 'no shards';
    for (const shard of this.currentShards().shards.filter((candidate) => !candidate.suspended)) {
      const result = await this.client.send(shard, this.subgraph, { query, variables }, true, await this.headersFor(shard));
      if (result.ok) return result.body as GatewayGraphQLResponse;
      lastReason = `${shard.name}: ${result.reason}`;
    }
    return { errors: [errorBody('CLUSTER_UNAVAILABLE', `No shard of ${this.subgraph} answers (${lastReason})`)] } as GatewayGraphQLResponse;
  }
}
