import { createGateway } from '../../gateway/src';
import { createLogger } from '../../shared/logger';
import { fetchSdl } from '../../gateway/src/registry/registry-client';
import { PROGRAM_VERSION, sdlHash } from '../../shared/schema-version';
import { SHARDED_SUBGRAPHS, shardedSubgraphUrl } from '../../shared/sharded-subgraphs';
import { listen } from '../../shared/server/http-app';
import type { RunningNetwork } from '../../scripts/run-network';
import { signerFor } from '../support/gateway-assertion';
import { clusterBehind, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { sampleSum, scrape } from '../support/prometheus-text';
import { startTestNetwork } from '../support/test-network';

/**
 * `/metrics` on every process of a real network, scraped and parsed while one cluster is healthy,
 * then failing: the figures show the outage where an operator looks for it.
 */
const FAULTY = 'banat';
const DASHBOARD = 'query Dashboard { networkStats { companies } members(first: 2) { totalCount } }';

describeOnBothBackends('metrics', (backend) => {
  let network: RunningNetwork;
  let proxy: FaultyProxy;
  const origin = (url: string) => new URL(url).origin;

  beforeAll(async () => {
    proxy = await startFaultyProxy();
    network = await startTestNetwork(backend, 'itro_metrics', {
      clusterUrl: clusterBehind(proxy, FAULTY),
      breaker: { failureThreshold: 2, openMs: 60_000 },
    });
  });

  afterAll(async () => {
    await network?.close();
    await proxy?.close();
  });

  it('the gateway counts requests by operation and outcome, errors by code, and each shard\'s requests, failures and circuit', async () => {
    const gatewayMetrics = `${origin(network.gatewayUrl)}/metrics`;
    const healthy = await postGraphQL(network.gatewayUrl, DASHBOARD);
    expect(healthy.errors).toBeUndefined();
    const before = await scrape(gatewayMetrics);
    expect(sampleSum(before, 'itro_gateway_requests_total', { operation: 'Dashboard', outcome: 'ok' })).toBe(1);
    expect(sampleSum(before, 'itro_gateway_request_duration_seconds_count', { operation: 'Dashboard' })).toBe(1);
    expect(sampleSum(before, 'itro_shard_request_duration_seconds_count', { cluster: FAULTY, subgraph: 'members', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(before, 'itro_shard_breaker_state', { cluster: FAULTY, state: 'closed' })).toBe(1);
    expect(sampleSum(before, 'itro_registry_clusters')).toBe(9);
    expect(sampleSum(before, 'itro_process_resident_memory_bytes')).toBeGreaterThan(0);

    proxy.mode = 'http-500';
    const down = await postGraphQL(network.gatewayUrl, DASHBOARD);
    expect(down.errors?.map((error) => error.extensions?.code)).toEqual(['CLUSTER_UNAVAILABLE']);
    const open = await postGraphQL(network.gatewayUrl, DASHBOARD);
    expect(String(open.errors?.[0]?.extensions?.reason)).toMatch(/^circuit open/);
    const during = await scrape(gatewayMetrics);
    expect(sampleSum(during, 'itro_gateway_requests_total', { operation: 'Dashboard', outcome: 'partial' })).toBe(2);
    expect(sampleSum(during, 'itro_gateway_errors_total', { code: 'CLUSTER_UNAVAILABLE' })).toBe(2);
    // The first request and its retry failed, which opened the circuit; the next was kept back.
    expect(sampleSum(during, 'itro_shard_request_duration_seconds_count', { cluster: FAULTY, outcome: 'unavailable' })).toBe(2);
    expect(sampleSum(during, 'itro_shard_circuit_refusals_total', { cluster: FAULTY })).toBe(1);
    expect(sampleSum(during, 'itro_shard_breaker_state', { cluster: FAULTY, state: 'open' })).toBe(1);
    expect(sampleSum(during, 'itro_shard_breaker_state', { cluster: 'transilvania', state: 'closed' })).toBe(1);
    const bad = await postGraphQL(network.gatewayUrl, '{ members { nope } }');
    expect(bad.status).toBe(400);
    const after = await scrape(gatewayMetrics);
    expect(sampleSum(after, 'itro_gateway_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sampleSum(after, 'itro_gateway_requests_total', { operation: 'anonymous', outcome: 'error' })).toBe(1);
    expect(sampleSum(after, 'itro_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '400' })).toBe(1);
    proxy.mode = 'pass';
  });

  it('every subgraph serves its own HTTP and SQL durations', async () => {
    const cluster = network.clusters.find((c) => c.clusterIds.includes('transilvania'))!;
    await postGraphQL(network.gatewayUrl, '{ members(first: 3, clusters: ["transilvania"]) { totalCount } clusters { id } }');
    await fetch(`${cluster.server.url}/not-a-route`);
    const samples = await scrape(`${cluster.server.url}/metrics`);
    expect(sampleSum(samples, 'itro_http_request_duration_seconds_count', { route: '/members/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(samples, 'itro_http_request_duration_seconds_count', { route: 'other', status: '404' })).toBe(1);
    expect(sampleSum(samples, 'itro_sql_statement_duration_seconds_count', { statement: 'select', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(new Set(samples.map((s) => s.labels.component))).toEqual(new Set(['cluster']));
    const networkSamples = await scrape(`${origin(network.networkUrl)}/metrics`);
    expect(sampleSum(networkSamples, 'itro_http_request_duration_seconds_count', { route: '/graphql', method: 'POST' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(networkSamples, 'itro_sql_statement_duration_seconds_count', { statement: 'select' })).toBeGreaterThanOrEqual(1);
  });

  it('names each deployment\'s program version and schema hashes, as its /health reports them', async () => {
    const cluster = network.clusters.find((c) => c.clusterIds.includes('transilvania'))!;
    const health = (await (await fetch(`${cluster.server.url}/health`)).json()) as { version: string; schemas: Record<string, string> };
    expect(health.version).toBe(PROGRAM_VERSION);
    expect(Object.keys(health.schemas).sort()).toEqual([...SHARDED_SUBGRAPHS].sort());
    for (const hash of Object.values(health.schemas)) expect(hash).toMatch(/^[0-9a-f]{16}$/);
    // The hash of the SDL the gateway reads from it: an unchanged hash means an unchanged schema, nothing to read again.
    for (const subgraph of SHARDED_SUBGRAPHS) {
      const served = await fetchSdl(shardedSubgraphUrl(cluster.server.url, subgraph), signerFor(network), cluster.clusterIds);
      expect(health.schemas[subgraph]).toBe(sdlHash(served));
    }
    const samples = await scrape(`${origin(network.gatewayUrl)}/metrics`);
    for (const [subgraph, hash] of Object.entries(health.schemas)) {
      expect(sampleSum(samples, 'itro_shard_info', { cluster: 'transilvania', version: PROGRAM_VERSION, subgraph, schema_hash: hash })).toBe(1);
    }
    // Every cluster runs the same program here: one hash per subgraph across the network.
    const hashes = samples.filter((s) => s.name === 'itro_shard_info' && s.labels.subgraph === 'members').map((s) => s.labels.schema_hash);
    expect(hashes).toHaveLength(9);
    expect(new Set(hashes).size).toBe(1);
  });

  it('is not served, nor recorded, when turned off', async () => {
    const gateway = await createGateway({ source: { kind: 'registry', networkUrl: network.networkUrl }, metrics: false, logger: createLogger('test', 'silent'), signAssertion: signerFor(network) });
    const server = await listen(gateway.app, 0, '127.0.0.1');
    try {
      expect((await postGraphQL(`${server.url}/graphql`, DASHBOARD)).errors).toBeUndefined();
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
      await gateway.stop();
    }
  });
});
