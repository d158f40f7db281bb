import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { DURATION_BUCKETS } from './metrics-registry';
import { SeriesHistogram } from './series-histogram';

/**
 * Every HTTP request's duration, by route, method and status. Routes are the server's own paths;
 * anything else is `other`, so that a scan of random URLs cannot grow the label set.
 */
export function httpMetrics(timer: RequestTimer, routes: readonly string[]): RequestHandler {
  const known = new Set(routes);
  return (request, response, next) => {
    timer(request, response, known.has(request.path) ? request.path : 'other');
    next();
  };
}

/** Records one request's duration on `route` when its answer is finished. */
export type RequestTimer = (request: IncomingMessage, response: ServerResponse, route: string) => void;

/** The histogram of every HTTP request's duration, by route, method and status, in `registry`. */
export function requestTimer(registry: Registry): RequestTimer {
  const duration = new SeriesHistogram(
    'itro_http_request_duration_seconds',
    'HTTP requests served, by route, method and status, and how long each took.',
    ['route', 'method', 'status'] as const,
    DURATION_BUCKETS,
    registry,
  );
  return (request, response, route) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const method = request.method === 'GET' || request.method === 'POST' ? request.method : 'other';
      duration.observe({ route, method, status: String(response.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
    });
  };
}

/** `GET /metrics`: the registry in Prometheus text format. */
export function metricsEndpoint(registry: Registry): RequestHandler {
  return (_request, response, next) => {
    registry.metrics().then((text) => response.setHeader('Content-Type', registry.contentType).setHeader('Cache-Control', 'no-store').send(text), next);
  };
}
