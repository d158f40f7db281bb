import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { GATEWAY_ASSERTION_HEADER, NETWORK_AUDIENCE, type AssertionSigner } from '../../shared/auth/gateway-assertion';
import { networkUnavailable } from '../../shared/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/idempotency/idempotency-key';
import { REQUEST_ID_HEADER } from '../../shared/server/request-id';
import type { GatewayContext } from './gateway-context';
import { isRetryable, type HttpPost } from './shard-router/send';
import { inSpan, SpanKind, withTraceHeaders } from '../../shared/tracing/tracing';
import type { Shard } from './shard-router/shard-set';
import { ClusterEntityCache } from './cluster-entity-cache';

export interface NetworkDataSourceOptions {
  url: string;
  post: HttpPost;
  signAssertion: AssertionSigner;
  /** Bounds the whole exchange, like a shard's timeout. */
  timeoutMs: number;
  /** Keeps `Cluster` entities between registry revisions; none when the registry is not followed (a supergraph file). */
  clusterCache?: ClusterEntityCache;
}

/**
 * The data source of the network subgraph: one deployment, the secretariat's, so no routing. It
 * sends the planner's fetch over the same keep-alive HTTP as the shards (bounded in time and size),
 * with the gateway's assertion, the caller's token, and the caller's Idempotency-Key with a mutation
 * (never with a read). When the subgraph cannot be heard, its fields answer NETWORK_UNAVAILABLE
 * (with the write's outcome on a mutation) and the clusters' data stays.
 */
export class NetworkDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: Shard;
  /** What each fetch text the planner sends is: the planner's texts are few and fixed. */
  private readonly fetches = new Map<string, FetchShape>();

  constructor(private readonly options: NetworkDataSourceOptions) {
    this.target = { name: 'network', clusterIds: [], baseUrl: options.url, timeoutMs: options.timeoutMs, suspended: false };
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    if (!query) return { errors: [networkUnavailable('the planner sent no query text')] };
    const context: Partial<GatewayContext> = options.kind === 'incoming operation' ? options.context : {};
    const { mutation, rootKeys, clusterEntities } = this.shapeOf(query);
    const cached = clusterEntities ? this.options.clusterCache?.read(query, variables) : undefined;
    if (cached?.entities) return { data: { _entities: cached.entities } };
    const headers: Record<string, string> = { [GATEWAY_ASSERTION_HEADER]: await this.options.signAssertion([NETWORK_AUDIENCE]) };
    if (context.authorization) headers.authorization = context.authorization;
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    if (mutation && context.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
    const request = { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) };
    const send = () =>
      inSpan(
        'network subgraph',
        SpanKind.CLIENT,
        { 'itro.subgraph': 'network' },
        () => this.options.post(this.target, new URL(this.options.url), request, withTraceHeaders(headers)),
        (answer) => (answer.ok ? undefined : answer.reason),
      );
    let result = await send();
    // A read is sent once more after a connection failure (a kept-alive socket the subgraph closed meanwhile); a write never is.
    if (!result.ok && !mutation && isRetryable(result)) result = await send();
    if (result.ok) {
      const body = result.body as GatewayGraphQLResponse;
      if (cached && !body.errors?.length) cached.keep(body.data?._entities);
      return body;
    }
    const outcome = mutation ? (result.sent ? 'unknown' : 'not-applied') : undefined;
    const error = networkUnavailable(result.reason, outcome);
    // At each root field the fetch was for, so the client sees which fields are null for it; an entity fetch's error stays where the planner puts it.
    return { errors: rootKeys.length ? rootKeys.map((key) => ({ ...error, path: [key] })) : [error] };
  }

  private shapeOf(query: string): FetchShape {
    let shape = this.fetches.get(query);
    if (!shape) {
      const operation = parse(query).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
      const rootKeys = (operation?.selectionSet.selections ?? []).flatMap((selection) =>
        selection.kind === Kind.FIELD && selection.name.value !== '_entities' && selection.name.value !== '__typename' ? [selection.alias?.value ?? selection.name.value] : [],
      );
      shape = { mutation: operation?.operation === 'mutation', rootKeys, clusterEntities: ClusterEntityCache.cacheable(operation) };
      // Planner texts are bounded by the operations clients send; the bound keeps a stream of distinct ones from growing this.
      if (this.fetches.size >= 10_000) this.fetches.clear();
      this.fetches.set(query, shape);
    }
    return shape;
  }
}

/** A planner fetch: whether it writes, the response keys of its root fields (none for `_entities`), and whether it reads clusters' registry fields alone. */
interface FetchShape {
  mutation: boolean;
  rootKeys: string[];
  clusterEntities: boolean;
}
