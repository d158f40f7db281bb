import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext, ContextFunction } from '@apollo/server';
import express, { type Express } from 'express';
import type { AssertionVerifier } from '../auth/gateway-assertion';
import { requestId } from './request-id';
import { httpTracing } from '../tracing/http-tracing';
import type { Registry } from 'prom-client';
import { httpMetrics, metricsEndpoint, requestTimer } from '../metrics/http-metrics';
import { callerAddress, type TrustProxy } from './caller-address';
import { graphqlLane, type HttpContextArgument } from './graphql-lane';
import { keepContentTypeParses } from './content-type-memo';
import { keepMediaTypeChoices } from './media-type-memo';
import { keepQueryHashes } from './query-hash-memo';
import { requestErrorHandler, type RequestGuard } from './request-guards';

export interface GraphQLRoute<Context extends BaseContext> {
  path: string;
  server: ApolloServer<Context>;
  context: ContextFunction<[HttpContextArgument], Context>;
  /** Run after the body is parsed and before GraphQL: rate limits, batch limits. */
  guards?: RequestGuard[];
}

/**
 * A server's request listener: its GraphQL routes, each on its own lane (`graphqlLane`), and every
 * other request on express. `locals` are the express app's, where `drain` marks the app as draining.
 */
export type HttpApp = http.RequestListener & { readonly locals: Record<string, unknown> };

/** Request bodies above this size are refused before parsing (HTTP 413), unless told otherwise. */
export const MAX_BODY_BYTES = 1_000_000;

export interface HttpAppOptions {
  bodyLimitBytes?: number;
  /** Hears of failures no request should cause, with the id of the request that did, for the log. */
  onInternalError?: (error: unknown, requestId: string | undefined) => void;
  /** Further routes (pages, probes), mounted before the error handler so that it answers for them too. */
  routes?: (app: Express) => void;
  /**
   * A subgraph's check that a GraphQL request comes from the network's gateway, run before its body
   * is read: a request without a valid assertion is 401 UNAUTHENTICATED. `off` accepts any request
   * (a deployment on a private network); the gateway's own app has none.
   */
  gatewayAssertion?: AssertionVerifier | 'off';
  /** A subgraph's deadline for each GraphQL request, from its body read to its answer (`withDeadline`); none when absent. */
  requestDeadlineMs?: number;
  /** The server's metrics: every request's duration is recorded in it, and `GET /metrics` serves it. None when absent. */
  metrics?: Registry;
  /**
   * Whether the server can take traffic, for `GET /ready` (a load balancer's or Kubernetes'
   * readiness probe): throws with the reason when it cannot. Always ready when absent, until it drains.
   */
  ready?: () => Promise<void> | void;
  /** Paths besides the GraphQL routes, `/health`, `/ready` and `/metrics` that metrics and traces name rather than call `other`. */
  metricRoutes?: readonly string[];
  /** Express's `trust proxy`: which proxies' `X-Forwarded-For` names the caller, for rate limits. None are trusted when absent. */
  trustProxy?: TrustProxy;
}

/** A server answering the given GraphQL routes, `/health`, `/ready` and `/metrics`. Apollo servers must be started first. */
export function createHttpApp<Context extends BaseContext>(
  routes: ReadonlyArray<GraphQLRoute<Context>>,
  health: () => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({}),
  options: HttpAppOptions = {},
): HttpApp {
  keepMediaTypeChoices();
  keepContentTypeParses();
  keepQueryHashes();
  const bodyLimitBytes = options.bodyLimitBytes ?? MAX_BODY_BYTES;
  const onInternalError = options.onInternalError ?? (() => undefined);
  const app = express();
  app.disable('x-powered-by');
  // An answer to a POST is never revalidated: hashing each for an ETag is work for nobody.
  app.disable('etag');
  app.set('trust proxy', options.trustProxy ?? false);
  // The paths traces and metrics name; any other is `other`, so a scan of random URLs adds no names.
  const named = [...routes.map((route) => route.path), '/health', '/ready', '/metrics', ...(options.metricRoutes ?? [])];
  const timer = options.metrics ? requestTimer(options.metrics) : undefined;
  app.use(requestId());
  app.use(httpTracing(named));
  if (options.metrics && timer) {
    app.use(httpMetrics(timer, named));
    app.get('/metrics', metricsEndpoint(options.metrics));
  }
  app.get('/health', async (_request, response) => {
    try {
      response.json({ status: 'ok', ...(await health()) });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: error instanceof Error ? error.message : 'unknown' });
    }
  });
  app.get('/ready', async (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    if (request.app.locals.draining === true) return void response.status(503).json({ status: 'draining' });
    try {
      await options.ready?.();
      response.json({ status: 'ready' });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: error instanceof Error ? error.message : 'unknown' });
    }
  });
  options.routes?.(app);
  app.use(requestErrorHandler(bodyLimitBytes, onInternalError));
  const address = callerAddress(options.trustProxy ?? false);
  const gatewayAssertion = options.gatewayAssertion === 'off' ? undefined : options.gatewayAssertion;
  const lanes = new Map(
    routes.map((route) => [
      route.path,
      graphqlLane({ ...route, guards: route.guards ?? [], bodyLimitBytes, callerAddress: address, gatewayAssertion, requestDeadlineMs: options.requestDeadlineMs, timer, onInternalError }),
    ]),
  );
  const listener: http.RequestListener = (request, response) => {
    const lane = lanes.get(pathOf(request.url));
    if (lane) lane(request, response);
    else app(request, response);
  };
  return Object.assign(listener, { locals: app.locals as Record<string, unknown> });
}

/** A request's path without its query string or a trailing slash: `/graphql?x` and `/graphql/` are `/graphql`. */
function pathOf(url: string | undefined): string {
  const end = url?.indexOf('?') ?? -1;
  const path = end < 0 ? (url ?? '/') : url!.slice(0, end);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops at once: connections in flight are cut. */
  close(): Promise<void>;
  /**
   * Stops gracefully: takes no new connection, says `/ready` no more (503 `draining`), lets the
   * requests in flight finish and closes each connection as it falls idle; those still running
   * after `graceMs` are cut.
   */
  drain(graceMs: number): Promise<void>;
}

/**
 * How long a server waits on a client, in milliseconds. Node's defaults (60 s for headers, 5 min
 * for a request, checked every 30 s) let a few hundred connections that send a byte now and then
 * hold sockets for a minute or more; every process sets these instead.
 */
export interface ServerTimeouts {
  /** From a request's first byte until its headers are complete; beyond it 408 and the connection is closed. */
  headersMs: number;
  /**
   * From a request's first byte until its body is complete (the headers' time included); beyond it
   * 408 and the connection is closed. Only receiving counts: a slow answer (an export) is not cut.
   */
  requestMs: number;
  /** How long a kept-alive connection may sit idle between two requests before the server closes it. */
  keepAliveMs: number;
}

/**
 * 10 s for headers and 30 s for a request: a gateway or shard sends a few KiB at once, so this is
 * ample for any honest client, while a stalled one is let go quickly. 65 s of keep-alive: above
 * the 60 s idle timeout of common load balancers and proxies, so that it is they, never this
 * server, that close an idle connection (a server closing first races their next request into a
 * 502); Node's own clients (the gateway's shard agent) read the `Keep-Alive: timeout=` hint and
 * let go before it.
 */
export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000 };

/**
 * Node checks the headers and request limits on a timer rather than on every byte. Checking every
 * second (a quarter of the shorter limit when that is less) closes a connection at most that long
 * past its limit; walking the list of connections in flight once a second costs next to nothing.
 */
export const MAX_CONNECTIONS_CHECK_INTERVAL_MS = 1_000;

export interface ListenOptions {
  /** Any of the server's timeouts; `DEFAULT_SERVER_TIMEOUTS` for those left out. */
  timeouts?: Partial<ServerTimeouts>;
}

/** The timeouts `listen` applies for `given`; throws a RangeError naming the one that cannot be. */
export function serverTimeouts(given: Partial<ServerTimeouts> = {}): ServerTimeouts & { checkIntervalMs: number } {
  const timeouts: ServerTimeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...given };
  for (const [name, value] of Object.entries(timeouts)) {
    // Node reads 0 as "no limit": exactly what these settings exist to prevent.
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`server timeout ${name} must be a positive whole number of milliseconds, not ${value}`);
  }
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new RangeError(`server timeout headersMs (${timeouts.headersMs}) must not exceed requestMs (${timeouts.requestMs}): the request's time includes its headers`);
  }
  const checkIntervalMs = Math.max(1, Math.min(MAX_CONNECTIONS_CHECK_INTERVAL_MS, Math.floor(timeouts.headersMs / 4)));
  return { ...timeouts, checkIntervalMs };
}

/** Listens on `port` (0: any free port) with the given timeouts, and returns the base URL. */
export async function listen(app: http.RequestListener, port: number, host: string, options: ListenOptions = {}): Promise<RunningServer> {
  const timeouts = serverTimeouts(options.timeouts);
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Read once, when the server is made: it cannot be set afterwards.
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    app,
  );
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
    drain: (graceMs) =>
      new Promise<void>((resolve) => {
        const locals = (app as Partial<HttpApp>).locals;
        if (locals) locals.draining = true;
        // A kept-alive connection is closed as soon as it is idle: after the answer it was serving.
        const idle = setInterval(() => server.closeIdleConnections(), 25);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
