import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorBody, isRegisteredCode } from '../errors';
import type { Logger } from '../logger';
import { requestIdOf } from './request-id';

export interface ErrorMasking {
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Tells `formatError` which request each error of an operation belongs to; every server that masks lists it. */
  plugin: ApolloServerPlugin<BaseContext>;
}

/**
 * Errors with a registered code reach the client as they are; anything else is our bug and is
 * masked as INTERNAL_SERVER_ERROR, with the details in the log only, both naming the request.
 */
export function errorMasking(logger: Logger): ErrorMasking {
  // Apollo hands `formatError` the very error objects it gave the plugin's `didEncounterErrors` a moment before.
  const requestOf = new WeakMap<object, string>();
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart({ request }) {
      const id = requestIdOf(request.http?.headers);
      if (!id) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) requestOf.set(error, id);
        },
      };
    },
  };
  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // Apollo labels every unexpected throw INTERNAL_SERVER_ERROR with the thrown message (a driver's
    // SQL error, say): that code is never shown as it is.
    if (code !== 'INTERNAL_SERVER_ERROR' && isRegisteredCode(code)) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isCodelessRequestError(error)) return errorBody('BAD_REQUEST', formatted.message);
    // The request id finds the logged details of this error.
    const requestId = typeof error === 'object' && error !== null ? requestOf.get(error) : undefined;
    logger.error({ err: error, path: formatted.path, ...(requestId ? { requestId } : {}) }, 'unexpected error');
    return {
      ...errorBody('INTERNAL_SERVER_ERROR', 'Internal server error', requestId ? { requestId } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };
  };
  return { formatError, plugin };
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
