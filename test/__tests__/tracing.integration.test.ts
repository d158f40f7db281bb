import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { startTracing, type Tracing } from '../../shared/tracing/tracing';
import type { RunningNetwork } from '../../scripts/run-network';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

/**
 * One request is one trace across processes' worth of servers: the whole network runs here, each
 * server reached over real HTTP, so the trace context crosses every hop in `traceparent` headers.
 */
// One tracer provider for the process, as a deployment has: both backends' networks report to it.
const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;
beforeAll(() => {
  tracing = startTracing('itro-test', new SimpleSpanProcessor(exporter));
});
afterAll(async () => {
  await tracing?.shutdown();
});

describeOnBothBackends('traces', (backend) => {
  let network: RunningNetwork;

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_trace');
  });

  afterAll(async () => {
    await network?.close();
  });

  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
  const ancestors = (span: ReadableSpan, spans: readonly ReadableSpan[]): ReadableSpan[] => {
    const parent = spans.find((candidate) => candidate.spanContext().spanId === parentOf(span));
    return parent ? [parent, ...ancestors(parent, spans)] : [];
  };

  it('shows the gateway span, one child per shard, each deployment\'s work and its SQL statements, in one trace', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(network.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: '{ members(first: 5) { totalCount edges { node { id name } } } }' }),
    });
    expect(response.status).toBe(200);
    // Spans end as their answers are sent: the last ones a moment after the client has its answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const gateway = spans.find((span) => span.name === 'POST /graphql' && parentOf(span) === '00f067aa0ba902b7');
    expect(gateway).toBeDefined();
    const shardSpans = spans.filter((span) => span.name === 'shard members');
    // Every shard is asked for its share of the page; one whose rows run short is asked again for
    // the rest, under a span of its own.
    expect([...new Set(shardSpans.map((span) => span.attributes['itro.cluster']))].sort()).toEqual(FOUNDING_CLUSTERS.map((c) => c.id).sort());
    for (const shard of shardSpans) expect(ancestors(shard, spans)).toContain(gateway);
    const deployments = spans.filter((span) => span.name === 'POST /members/graphql');
    expect(deployments).toHaveLength(shardSpans.length);
    for (const deployment of deployments) {
      expect(shardSpans.map((span) => span.spanContext().spanId)).toContain(parentOf(deployment));
      const statements = spans.filter((span) => span.name.startsWith('sql ') && ancestors(span, spans).includes(deployment));
      expect(statements.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('starts a trace of its own for a request that carries none', async () => {
    exporter.reset();
    await fetch(network.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ clusters { id } }' }) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const roots = exporter.getFinishedSpans().filter((span) => span.name === 'POST /graphql' && parentOf(span) === undefined);
    expect(roots).toHaveLength(1);
    const traceId = roots[0]!.spanContext().traceId;
    const network_ = exporter.getFinishedSpans().filter((span) => span.name === 'network subgraph');
    expect(network_.length).toBeGreaterThanOrEqual(1);
    expect(network_.every((span) => span.spanContext().traceId === traceId)).toBe(true);
  });
});
