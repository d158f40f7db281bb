import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext, ContextFunction } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import { requestErrorHandler } from './request-guards';

export interface GraphQLRoute<Context extends BaseContext> {
  path: string;
  server: ApolloServer<Context>;
  context: ContextFunction<[ExpressContextFunctionArgument], Context>;
  /** Run after the body is parsed and before GraphQL: rate limits, batch limits. */
  guards?: RequestHandler[];
}

/** Request bodies above this size are refused before parsing (HTTP 413), unless told otherwise. */
export const MAX_BODY_BYTES = 1_000_000;

export interface HttpAppOptions {
  bodyLimitBytes?: number;
  /** Hears of failures no request should cause, for the log. */
  onInternalError?: (error: unknown) => void;
  /** Further routes (pages, probes), mounted before the error handler so that it answers for them too. */
  routes?: (app: Express) => void;
}

/** An express app answering `/health` and the given GraphQL routes. Servers must be started first. */
export function createHttpApp<Context extends BaseContext>(
  routes: ReadonlyArray<GraphQLRoute<Context>>,
  health: () => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({}),
  options: HttpAppOptions = {},
): Express {
  const bodyLimitBytes = options.bodyLimitBytes ?? MAX_BODY_BYTES;
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_request, response) => {
    try {
      response.json({ status: 'ok', ...(await health()) });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: error instanceof Error ? error.message : 'unknown' });
    }
  });
  for (const route of routes) {
    app.use(route.path, express.json({ limit: bodyLimitBytes }), ...(route.guards ?? []), expressMiddleware(route.server, { context: route.context }));
  }
  options.routes?.(app);
  app.use(requestErrorHandler(bodyLimitBytes, options.onInternalError ?? (() => undefined)));
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free port) and returns the base URL. */
export async function listen(app: http.RequestListener, port: number, host: string): Promise<RunningServer> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
