import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import { GATEWAY_ASSERTION_HEADER, NETWORK_AUDIENCE, type AssertionSigner } from '../../shared/auth/gateway-assertion';
import { authorizationOf, type TokenVerifier } from '../../shared/auth/tokens';

/** What the gateway keeps of an incoming request: the caller's token, to hand on, never to trust. */
export interface GatewayContext {
  authorization?: string;
}

/**
 * The context of an incoming request. With a verifier, a bad token is refused here, once, with 401
 * and UNAUTHENTICATED, before any subgraph is asked; the subgraphs still verify it themselves.
 */
export function createGatewayContext(verifyToken?: TokenVerifier) {
  return async ({ req }: ExpressContextFunctionArgument): Promise<GatewayContext> => {
    const authorization = authorizationOf(req.headers);
    if (verifyToken) await verifyToken(authorization);
    return authorization ? { authorization } : {};
  };
}

/**
 * The stock data source for unsharded subgraphs (the network), handing on the caller's token beside
 * the gateway's own assertion.
 */
export class TokenForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly signAssertion: AssertionSigner;

  constructor(options: { url?: string; signAssertion: AssertionSigner }) {
    super({ url: options.url });
    this.signAssertion = options.signAssertion;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, await this.signAssertion([NETWORK_AUDIENCE]));
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}
