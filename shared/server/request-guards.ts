import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '../errors';

/** A GraphQL-shaped error answer for requests refused before GraphQL sees them. */
function refuse(status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { status, body: { errors: [{ message, extensions: { ...extensions, code } }] } };
}

/**
 * Errors of the body parser, answered as GraphQL errors with a stable code instead of express's
 * HTML page (which shows a stack trace outside production): a body over the size limit is 413
 * PAYLOAD_TOO_LARGE, malformed JSON or an unsupported encoding is 400 BAD_REQUEST. Anything else
 * is an internal error, told as such and nothing more.
 */
export function requestErrorHandler(limitBytes: number, onInternal: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) return next(error);
    const type = (error as { type?: unknown } | null)?.type;
    const answer =
      type === 'entity.too.large'
        ? refuse(413, 'PAYLOAD_TOO_LARGE', `The request body is over ${limitBytes} bytes`, { limitBytes })
        : type === 'entity.parse.failed'
          ? refuse(400, 'BAD_REQUEST', 'The request body is not valid JSON')
          : type === 'encoding.unsupported' || type === 'charset.unsupported'
            ? refuse(415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON')
            : type === 'request.aborted' || type === 'request.size.invalid'
              ? refuse(400, 'BAD_REQUEST', 'The request body ended before its declared length')
              : clientStatus(error) === 404
                ? refuse(404, 'NOT_FOUND', 'Not found')
                : clientStatus(error) !== undefined
                  ? refuse(clientStatus(error)!, 'BAD_REQUEST', 'Bad request')
                  : (onInternal(error), refuse(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
    response.status(answer.status).json(answer.body);
  };
}

/** The 4xx status an error of express or its middleware (a missing file, a malformed path) carries. */
function clientStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** A batched request (a JSON array of operations) of more than `max` operations is 400 BATCH_TOO_LARGE. */
export function batchLimit(max: number): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.body;
    if (Array.isArray(body) && body.length > max) {
      const answer = refuse(400, 'BATCH_TOO_LARGE', `A batch holds at most ${max} operations, this one ${body.length}`, { limit: max });
      response.status(answer.status).json(answer.body);
      return;
    }
    next();
  };
}
