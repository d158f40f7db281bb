import { context, INVALID_SPAN_CONTEXT, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Every span the network makes comes from this tracer; without a provider it makes nothing and costs next to nothing. */
export const tracer = trace.getTracer('itro-federation');

/**
 * Whether the standard OpenTelemetry variables ask for traces: an OTLP endpoint, or
 * `OTEL_TRACES_EXPORTER=otlp`; `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` turn them off.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER === 'otlp');
}

export interface Tracing {
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing for this process when configured (or with `processor`, for tests): spans go to the
 * OTLP/HTTP exporter, which reads the standard `OTEL_EXPORTER_OTLP_*` variables, under the service
 * `OTEL_SERVICE_NAME` or `service`. The W3C `traceparent` is read from and written to headers.
 */
export function startTracing(service: string, processor?: SpanProcessor, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!processor && !tracingConfigured(env)) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: [processor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  tracingStarted = true;
  return { shutdown: () => provider.shutdown() };
}

/** Whether this process registered a tracer provider: until it does, every span would be a no-op. */
let tracingStarted = false;
/** The span work is given when nothing traces: it records nothing, as the API's own no-op spans. */
const UNTRACED = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Runs `work` in a new span, ending it with the outcome `describe` reads from the result (an error status when it says so). */
export function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
  failed: (result: T) => string | undefined = () => undefined,
): Promise<T> {
  // Untraced, a span and a context per call would be made and dropped for nothing, and an async
  // wrapper would add a promise: the fan-out makes one per shard.
  if (!tracingStarted) return work(UNTRACED);
  return inRecordedSpan(name, kind, attributes, work, failed);
}

async function inRecordedSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
  failed: (result: T) => string | undefined,
): Promise<T> {
  const span = tracer.startSpan(name, { kind, attributes });
  try {
    const result = await context.with(trace.setSpan(context.active(), span), () => work(span));
    const failure = failed(result);
    if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    return result;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : 'failed' });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Outgoing headers with the active span's `traceparent` (and `tracestate`) added, so the next
 * process's spans join this trace: a copy when tracing, the headers themselves when not.
 */
export function withTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (!tracingStarted) return headers;
  const traced = { ...headers };
  propagation.inject(context.active(), traced);
  return traced;
}

/** Whether a request is being traced here: statements outside one (start-up, migrations) make no spans. */
export function tracing(): boolean {
  return trace.getSpan(context.active())?.isRecording() ?? false;
}

export { SpanKind };
