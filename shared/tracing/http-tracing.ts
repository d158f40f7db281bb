import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { tracer } from './tracing';

/**
 * A server span for every HTTP request, continuing the caller's trace when its `traceparent` says
 * so: a gateway's shard request and the deployment's work on it are one trace. Named by route (the
 * server's own paths; others are `other`), so span names stay few.
 */
export function httpTracing(routes: readonly string[]): RequestHandler {
  const known = new Set(routes);
  return (request, response, next) => context.with(requestSpan(request, response, known.has(request.path) ? request.path : 'other'), next);
}

/** The server span of one request on `route`, ended when its answer is: the context its work runs in. */
export function requestSpan(request: IncomingMessage, response: ServerResponse, route: string): Context {
  const parent = propagation.extract(context.active(), request.headers);
  const method = request.method ?? 'GET';
  const span = tracer.startSpan(`${method} ${route}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } }, parent);
  response.once('finish', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return trace.setSpan(parent, span);
}
