import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_REGISTRY, isRegisteredCode, type ErrorCode } from '../errors';
import { requestIdOf } from './request-id';

/**
 * Answers a request refused before GraphQL sees it (or outside GraphQL, as an export) with a
 * GraphQL-shaped error and a stable code, so that clients read every refusal the same way. The
 * code is a registered one, or (for an export) the one the operation it ran was answered with; the
 * status is the registry's for the code unless `status` says otherwise.
 */
export function sendRefusal(response: ServerResponse, code: ErrorCode | (string & {}), message: string, extensions: Record<string, unknown> = {}, status?: number): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] });
  response.statusCode = status ?? (isRegisteredCode(code) ? ERROR_REGISTRY[code].status : 400);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}

/** A request refused before GraphQL sees it: what `sendRefusal` is given. */
export type Refusal = [code: ErrorCode, message: string, extensions?: Record<string, unknown>, status?: number];

/** What a guard sees of a request: its headers, its parsed body and the caller's address (proxies the server trusts seen through). */
export interface GuardedRequest {
  headers: IncomingHttpHeaders;
  body: unknown;
  address: string;
}

/**
 * A check run on a GraphQL request after its body is read and before GraphQL: a refusal stops the
 * request there. It may set headers on the answer (a rate limit's remaining count) either way.
 */
export type RequestGuard = (request: GuardedRequest, response: ServerResponse) => Refusal | undefined | Promise<Refusal | undefined>;

/** A guard on an express route (the export), whose body express has parsed and whose address it knows. */
export function expressGuard(guard: RequestGuard): RequestHandler {
  return (request, response, next) => {
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    Promise.resolve(guard({ headers: request.headers, body: request.body as unknown, address }, response)).then((refusal) => (refusal ? sendRefusal(response, ...refusal) : next()), next);
  };
}

/** What an error of the body parser or of express means for the client; undefined when it is ours. */
function refusalFor(error: unknown, limitBytes: number): Refusal | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return ['PAYLOAD_TOO_LARGE', `The request body is over ${limitBytes} bytes`, { limitBytes }];
  if (type === 'entity.parse.failed') return ['BAD_REQUEST', 'The request body is not valid JSON'];
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return ['BAD_REQUEST', 'The request body must be UTF-8 JSON', {}, 415];
  if (type === 'request.aborted' || type === 'request.size.invalid') return ['BAD_REQUEST', 'The request body ended before its declared length'];
  const status = clientStatus(error);
  if (status === 404) return ['NOT_FOUND', 'Not found'];
  if (status !== undefined) return ['BAD_REQUEST', 'Bad request', {}, status];
  return undefined;
}

/**
 * Errors of the body parser, answered as GraphQL errors with a stable code instead of express's
 * HTML page (which shows a stack trace outside production): a body over the size limit is 413
 * PAYLOAD_TOO_LARGE, malformed JSON or an unsupported encoding is 400 BAD_REQUEST. Anything else
 * is an internal error, told as such and nothing more.
 */
export function requestErrorHandler(limitBytes: number, onInternal: (error: unknown, requestId: string | undefined) => void): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const refusal = refusalFor(error, limitBytes);
    if (refusal) return sendRefusal(response, ...refusal);
    onInternal(error, requestIdOf(request.headers));
    sendRefusal(response, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/** The 4xx status an error of express or its middleware (a missing file, a malformed path) carries. */
function clientStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** A batched request (a JSON array of operations) of more than `max` operations is 400 BATCH_TOO_LARGE. */
export function batchLimit(max: number): RequestGuard {
  return ({ body }) => (Array.isArray(body) && body.length > max ? ['BATCH_TOO_LARGE', `A batch holds at most ${max} operations, this one ${body.length}`, { limit: max }] : undefined);
}
