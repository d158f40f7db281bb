import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import { Kind, parse } from 'graphql';
import { GATEWAY_ASSERTION_HEADER, NETWORK_AUDIENCE, type AssertionSigner } from '../../shared/auth/gateway-assertion';
import { authorizationOf, type TokenVerifier } from '../../shared/auth/tokens';
import { checkedIdempotencyKey, IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from '../../shared/idempotency/idempotency-key';

/**
 * What the gateway keeps of an incoming request: the caller's token, to hand on, never to trust,
 * and the Idempotency-Key of the write it makes, to hand on to the one subgraph the write goes to.
 */
export interface GatewayContext {
  authorization?: string;
  idempotencyKey?: string;
}

/**
 * The context of an incoming request. With a verifier, a bad token is refused here, once, with 401
 * and UNAUTHENTICATED, before any subgraph is asked; the subgraphs still verify it themselves. A
 * malformed Idempotency-Key is refused here too (400 BAD_USER_INPUT), before any subgraph is asked.
 */
export function createGatewayContext(verifyToken?: TokenVerifier) {
  return async ({ req }: ExpressContextFunctionArgument): Promise<GatewayContext> => {
    const authorization = authorizationOf(req.headers);
    if (verifyToken) await verifyToken(authorization);
    const key = idempotencyKeyOf(req.headers);
    const idempotencyKey = key === undefined ? undefined : checkedIdempotencyKey(key, 400);
    return { ...(authorization ? { authorization } : {}), ...(idempotencyKey ? { idempotencyKey } : {}) };
  };
}

/**
 * The stock data source for unsharded subgraphs (the network), handing on the caller's token beside
 * the gateway's own assertion, and the caller's Idempotency-Key with a mutation (never with a read).
 */
export class TokenForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly signAssertion: AssertionSigner;

  constructor(options: { url?: string; signAssertion: AssertionSigner }) {
    super({ url: options.url });
    this.signAssertion = options.signAssertion;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, await this.signAssertion([NETWORK_AUDIENCE]));
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
    if ('idempotencyKey' in context && context.idempotencyKey && isMutation(options)) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotencyKey);
  }
}

/**
 * Whether the planner's fetch is a mutation. The planner hands its document over only when told to
 * (`exposeDocumentNodeInFetchNode`), so the fetch's own text is read otherwise: asked only of
 * requests that carry a key.
 */
function isMutation(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  if (options.kind !== 'incoming operation' || !options.request.query) return false;
  const document = options.document ?? parse(options.request.query);
  return document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation');
}
