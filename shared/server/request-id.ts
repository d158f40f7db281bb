import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** The header a request's id travels in: from a client or proxy, from the gateway to every subgraph it asks, and back in every answer. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids given by a caller are kept when they are this plain: a UUID, a proxy's trace id. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Gives every HTTP request an id: the one it came with when that is plain enough, a new UUID
 * otherwise. The answer carries it, and so does the request's own header, which is where the work
 * the request starts reads it (`requestIdOf`): its GraphQL context, its masked errors, its log
 * lines, its requests to subgraphs.
 *
 * It is handed on explicitly rather than through an AsyncLocalStorage: on Node 20 one store in use
 * puts a hook on every promise the process makes, which cost the gateway about a tenth of its
 * throughput (section A of the benchmark).
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** `assignRequestId` for every request of an express app. */
export function requestId(): RequestHandler {
  return (request, response, next) => {
    assignRequestId(request, response);
    next();
  };
}

/** The id `requestId()` gave a request, read from its headers (Node's, or Apollo's HeaderMap); none for a request it did not see. */
export function requestIdOf(headers: IncomingHttpHeaders | { get(name: string): string | undefined } | undefined): string | undefined {
  if (!headers) return undefined;
  const id = typeof headers.get === 'function' ? headers.get(REQUEST_ID_HEADER) : (headers as IncomingHttpHeaders)[REQUEST_ID_HEADER];
  return typeof id === 'string' ? id : undefined;
}
