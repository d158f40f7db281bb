import { authorizationOf, type TokenVerifier } from '../../shared/auth/tokens';
import type { ShardSet } from './shard-router/shard-set';
import { checkedIdempotencyKey, idempotencyKeyOf } from '../../shared/idempotency/idempotency-key';
import { requestIdOf } from '../../shared/server/request-id';
import type { HttpContextArgument } from '../../shared/server/graphql-lane';

/**
 * What the gateway keeps of an incoming request: the caller's token, to hand on, never to trust,
 * and the Idempotency-Key of the write it makes, to hand on to the one subgraph the write goes to.
 */
export interface GatewayContext {
  authorization?: string;
  idempotencyKey?: string;
  /** The network's shards when the request arrived: a registry change while it runs does not move it. */
  shards?: ShardSet;
  /** The request's id, handed to every subgraph it asks and named in the log lines it causes. */
  requestId?: string;
}

/**
 * The context of an incoming request. With a verifier, a bad token is refused here, once, with 401
 * and UNAUTHENTICATED, before any subgraph is asked; the subgraphs still verify it themselves. A
 * malformed Idempotency-Key is refused here too (400 BAD_USER_INPUT), before any subgraph is asked.
 */
export function createGatewayContext(verifyToken?: TokenVerifier, currentShards?: () => ShardSet) {
  return async ({ req }: HttpContextArgument): Promise<GatewayContext> => {
    const authorization = authorizationOf(req.headers);
    if (verifyToken) await verifyToken(authorization);
    const key = idempotencyKeyOf(req.headers);
    const idempotencyKey = key === undefined ? undefined : checkedIdempotencyKey(key, 400);
    const requestId = requestIdOf(req.headers);
    return {
      ...(authorization ? { authorization } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(currentShards ? { shards: currentShards() } : {}),
      ...(requestId ? { requestId } : {}),
    };
  };
}
