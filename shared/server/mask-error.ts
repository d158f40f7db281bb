import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors';
import type { Logger } from '../logger';
import { currentRequestId } from './request-id';

/** Apollo Server's own codes for malformed requests: safe to show as they are. */
export const REQUEST_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/**
 * Errors with a registered code reach the client as they are; anything else is our bug and is
 * masked as INTERNAL_SERVER_ERROR, with the details in the log only.
 */
export function createErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // Apollo labels every unexpected throw INTERNAL_SERVER_ERROR with the thrown message (a driver's
    // SQL error, say): that code is never shown as it is.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (code in ERROR_CODES || REQUEST_CODES.has(code))) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isCodelessRequestError(error)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    logger.error({ err: error, path: formatted.path }, 'unexpected error');
    // The request id finds the logged details of this error.
    const requestId = currentRequestId();
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}

/**
 * Apollo refuses a few malformed requests (a persisted query of an unknown version, a hash that
 * does not match its query) with a 4xx status and a message written for the client, but no code.
 * They are the caller's mistake: BAD_REQUEST, with the message.
 */
function isCodelessRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined || error.originalError) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
