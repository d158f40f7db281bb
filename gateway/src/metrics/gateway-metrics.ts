import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, type Registry } from 'prom-client';
import { isRegisteredCode } from '../../../shared/errors';
import { createMetricsRegistry, DURATION_BUCKETS } from '../../../shared/metrics/metrics-registry';
import { SeriesHistogram } from '../../../shared/metrics/series-histogram';
import type { ShardObserver } from '../shard-router/shard-client';
import type { ShardHealth } from '../shard-router/shard-client';
import { operationLabels } from './operation-label';
import type { ShardStatus } from '../shard-probe';

export interface GatewayMetrics {
  registry: Registry;
  /** Counts and times every GraphQL request the gateway answers. */
  plugin: ApolloServerPlugin;
  /** Hears of every request to a shard, for per-shard latency and failures. */
  shards: ShardObserver;
}

const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;

/**
 * The gateway's metrics. Labels are bounded: operation names through `operationLabels`, error codes
 * by the codes an answer may show (ours and Apollo's, as the masker lets through; anything else is
 * `other`), clusters by the registry.
 */
/** The registry as the gateway applied it, for its gauges. */
export interface RegistryGauges {
  clusters: number;
  revision: number;
  /** Registered deployments not taking traffic yet (their check failed). */
  pending: number;
}

export function createGatewayMetrics(shardHealth: () => ShardHealth[], registryGauges: () => RegistryGauges, probe: () => Promise<ShardStatus[]>): GatewayMetrics {
  const registry = createMetricsRegistry('gateway');
  const operationLabel = operationLabels();
  const requests = new Counter({
    name: 'itro_gateway_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome: ok (no errors), partial (data with errors: a cluster missing, a field refused), error (no data).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new SeriesHistogram(
    'itro_gateway_request_duration_seconds',
    'Time from receiving a GraphQL request to sending its answer, by operation name.',
    ['operation'] as const,
    DURATION_BUCKETS,
    registry,
  );
  const errors = new Counter({ name: 'itro_gateway_errors_total', help: 'Errors in answers, by extensions.code.', labelNames: ['code'] as const, registers: [registry] });
  const shardDuration = new SeriesHistogram(
    'itro_shard_request_duration_seconds',
    'Requests to cluster deployments, by cluster (the first the deployment serves), subgraph and outcome (ok, unavailable, misbehaved, schema-mismatch), and how long each took.',
    ['cluster', 'subgraph', 'outcome'] as const,
    DURATION_BUCKETS,
    registry,
  );
  const timeouts = new Counter({ name: 'itro_shard_timeouts_total', help: 'Requests to a cluster that timed out.', labelNames: ['cluster'] as const, registers: [registry] });
  const circuitRefusals = new Counter({
    name: 'itro_shard_circuit_refusals_total',
    help: 'Requests to a cluster not sent because its circuit was open.',
    labelNames: ['cluster'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'itro_shard_breaker_state',
    help: 'Each cluster deployment\u2019s circuit: 1 for the state it is in (closed, half-open, open), 0 for the others.',
    labelNames: ['cluster', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of shardHealth()) for (const state of BREAKER_STATES) this.set({ cluster: shard.cluster, state }, shard.state === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'itro_shard_schema_excluded',
    help: 'Each cluster deployment: 1 while it is left out of the network’s schema for lacking part of the core contract (its data is reported missing as CLUSTER_SCHEMA_MISMATCH), else 0.',
    labelNames: ['cluster'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of shardHealth()) this.set({ cluster: shard.cluster }, shard.excludedFromSchema ? 1 : 0);
    },
  });
  new Gauge({
    name: 'itro_registry_clusters',
    help: 'Clusters in the registry the gateway serves (active and suspended).',
    registers: [registry],
    collect() {
      this.set(registryGauges().clusters);
    },
  });
  new Gauge({
    name: 'itro_registry_revision',
    help: 'The registry revision the gateway last read: every registry write raises it by one.',
    registers: [registry],
    collect() {
      this.set(registryGauges().revision);
    },
  });
  new Gauge({
    name: 'itro_registry_pending_deployments',
    help: 'Registered or moved deployments not taking traffic yet, because their check failed (see /health).',
    registers: [registry],
    collect() {
      this.set(registryGauges().pending);
    },
  });

  new Gauge({
    name: 'itro_shard_info',
    help: 'Each cluster deployment\u2019s program version and the hash of each logical subgraph\u2019s SDL it serves, as its /health says (1 per subgraph); absent while it does not answer.',
    labelNames: ['cluster', 'version', 'subgraph', 'schema_hash'] as const,
    registers: [registry],
    async collect() {
      const statuses = await probe();
      this.reset();
      for (const status of statuses) {
        for (const [subgraph, hash] of Object.entries(status.schemas ?? {})) this.set({ cluster: status.clusters[0]!, version: status.version ?? 'unknown', subgraph, schema_hash: hash }, 1);
      }
    },
  });

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(operationName);
          duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          if (response.body.kind !== 'single') return void requests.inc({ operation, outcome: 'ok' });
          const { data, errors: answered } = response.body.singleResult;
          requests.inc({ operation, outcome: !answered?.length ? 'ok' : data ? 'partial' : 'error' });
          for (const error of answered ?? []) errors.inc({ code: codeLabel(error.extensions?.code) });
        },
      };
    },
  };

  const shards: ShardObserver = {
    answered(shard, subgraph, seconds, result) {
      shardDuration.observe({ cluster: shard.name, subgraph, outcome: result.ok ? 'ok' : result.failure }, seconds);
      if (!result.ok && result.reason.startsWith('timed out')) timeouts.inc({ cluster: shard.name });
    },
    circuitRefused(shard) {
      circuitRefusals.inc({ cluster: shard.name });
    },
  };
  return { registry, plugin, shards };
}

function codeLabel(code: unknown): string {
  return isRegisteredCode(code) ? code : 'other';
}
