import type { ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { authorizationOf, type TokenVerifier } from '../../../shared/auth/tokens';
import type { Logger } from '../../../shared/logger';
import { sendRefusal } from '../../../shared/server/request-guards';
import { requestIdOf } from '../../../shared/server/request-id';
import type { GatewayContext } from '../gateway-context';
import { ExportError, prepareWalk, walkConnection, type Execute } from './connection-walk';
import { columnsOf } from './flatten';
import { createRowWriter, EXPORT_FORMATS, isExportFormat } from './row-writer';

/** The HTTP status of a failed export, by the code of what failed. */
const STATUS_OF: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, CLUSTER_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500 };

/**
 * `POST /export?format=csv|jsonl` with `{ query, variables?, operationName? }`: the query's first
 * connection walked to its end, streamed as CSV or JSON lines. Each page runs through the gateway
 * in process, with the caller's token, limits and masking as any request. A failure before the
 * first row is a GraphQL-shaped error; a failure later cuts the stream short (the transfer does not
 * complete), so a client never mistakes a partial file for a whole one.
 */
export function exportRoute(server: ApolloServer<GatewayContext>, verifyToken: TokenVerifier | undefined, logger: Logger): RequestHandler {
  return (request: Request, response: Response, next) => {
    void (async () => {
      const body = (request.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown; format?: unknown };
      const format = request.query.format ?? body.format ?? 'csv';
      if (!isExportFormat(format)) return sendRefusal(response, 'BAD_USER_INPUT', 'format must be csv or jsonl');
      if (typeof body.query !== 'string') return sendRefusal(response, 'BAD_REQUEST', 'The body must be JSON with a "query" string');
      const variables = body.variables ?? {};
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return sendRefusal(response, 'BAD_REQUEST', '"variables" must be an object');
      const authorization = authorizationOf(request.headers);
      try {
        if (verifyToken) await verifyToken(authorization);
      } catch {
        return sendRefusal(response, 'UNAUTHENTICATED', 'Not signed in: the token is not valid');
      }
      let walk;
      try {
        walk = prepareWalk(body.query, typeof body.operationName === 'string' ? body.operationName : undefined);
      } catch (error) {
        return sendRefusal(response, 'BAD_USER_INPUT', error instanceof Error ? error.message : String(error));
      }
      const requestId = requestIdOf(request.headers);
      // The export's pages reach the shards as the request's own: with its token and its id.
      const contextValue: GatewayContext = { ...(authorization ? { authorization } : {}), ...(requestId ? { requestId } : {}) };
      const execute: Execute = async (query, pageVariables) => {
        const result = await server.executeOperation({ query, variables: pageVariables }, { contextValue });
        if (result.body.kind !== 'single') throw new ExportError('An export cannot be streamed incrementally');
        return { data: result.body.singleResult.data ?? null, errors: result.body.singleResult.errors };
      };
      const writer = createRowWriter(format, columnsOf(walk.nodeSelection, walk.fragments));
      let started = false;
      try {
        await walkConnection(execute, walk, variables as Record<string, unknown>, (nodes, progress) => {
          if (!started) {
            started = true;
            response.status(200).setHeader('Content-Type', EXPORT_FORMATS[format].contentType);
            response.setHeader('Content-Disposition', `attachment; filename="export.${EXPORT_FORMATS[format].extension}"`);
            if (progress.total !== null) response.setHeader('X-Total-Count', String(progress.total));
            response.write(writer.header());
          }
          response.write(writer.page(nodes));
        });
        response.end();
      } catch (error) {
        if (!started) {
          const code = error instanceof ExportError ? error.code : 'INTERNAL_SERVER_ERROR';
          if (!(error instanceof ExportError)) logger.error({ err: error, requestId }, 'export failed');
          return sendRefusal(response, code, error instanceof ExportError ? error.message : 'Internal server error', {}, STATUS_OF[code] ?? 400);
        }
        logger.warn({ err: error, requestId }, 'export cut short');
        response.destroy();
      }
    })().catch(next);
  };
}
