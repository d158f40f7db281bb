import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The header a request's id travels in: from a client or proxy, from the gateway to every subgraph it asks, and back in every answer. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids given by a caller are kept when they are this plain: a UUID, a proxy's trace id. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;

const scope = new AsyncLocalStorage<string>();

/**
 * Gives every HTTP request an id: the one it came with when that is plain enough, a new UUID
 * otherwise. The answer carries it, and everything the request starts finds it through
 * `currentRequestId()` (log lines, masked errors, requests to subgraphs).
 */
export function requestId(): RequestHandler {
  return (request, response, next) => {
    const given = request.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
    response.setHeader(REQUEST_ID_HEADER, id);
    scope.run(id, next);
  };
}

/** The id of the request this code runs for; none outside a request. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
