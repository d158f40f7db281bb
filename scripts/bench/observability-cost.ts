import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIRST_PAGE } from './bench-queries';
import { gatewayFor, SHARD_PROCESSES, startSubgraphs } from './bench-network';
import { body, compare, pairedRatio, RUNS, summary } from './compare';
import { checkedPost } from './load';
import { fixed, printTable } from './table';
import { measureUntracedSpans, SPANS_PER_PAGE } from './trace-cost';

/**
 * G's rounds: its floor is 3 % while one 5-second run of a 1-client load moves by more than that on
 * this machine, so it takes more rounds than the other sections.
 */
const OBSERVABILITY_RUNS = Math.max(RUNS, 7);

/** G: what recording metrics and sending traces cost, over 9 shards, with every process of the network doing it or none. */
export async function observabilityCost(): Promise<void> {
  const rows: string[][] = [];
  // A collector that takes every batch of spans and keeps none, so that only sending them is measured.
  const collector = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const traced = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` };
  const networks = [
    { name: 'metrics off, traces off', metrics: false, env: {} },
    { name: 'metrics on, traces off', metrics: true, env: {} },
    { name: 'metrics on, traces on', metrics: true, env: traced },
  ];
  const running = [];
  try {
    for (const network of networks) {
      const subgraphs = await startSubgraphs('sharded', 1, SHARD_PROCESSES, 'required', network.metrics, network.env);
      const gateway = await gatewayFor('ours', subgraphs.networkUrl, { metrics: network.metrics }, { env: network.env });
      running.push({ subgraphs, gateway, target: { name: network.name, url: gateway.info.url, pid: gateway.child.pid } });
    }
    for (const { target } of running) await checkedPost(target.url, body(FIRST_PAGE));
    for (const clients of [1, 10]) {
      const results = await compare(running.map((r) => r.target), body(FIRST_PAGE), clients, OBSERVABILITY_RUNS);
      for (const { target } of running) {
        const s = summary(results.get(target.name)!);
        rows.push([String(clients), target.name, fixed(s.rps), fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.cpu), fixed(pairedRatio(results, target.name, networks[0]!.name), 3)]);
      }
    }
  } finally {
    for (const { subgraphs, gateway } of running) {
      await gateway.stop();
      await subgraphs.stop();
    }
    collector.close();
  }
  printTable(
    `G. Observability cost: first page of 50 members over 9 shards, every process doing it or none, ${OBSERVABILITY_RUNS} rounds; x off is the median of each round's ratio (floor: metrics on >= 0.97x off)`,
    ['clients', 'network', 'req/s', 'p50 ms', 'p95 ms', 'gateway CPU us/req', 'x off'],
    rows,
  );
  const untraced = await measureUntracedSpans();
  const pageCpu = Number(rows[0]?.[5]);
  printTable(
    `G2. Tracing off, in process: the ${SPANS_PER_PAGE} spans of one such page as no-op calls, next to its gateway CPU (floor: <= 1 %)`,
    ['work', 'us', 'x page CPU'],
    [
      [`${SPANS_PER_PAGE} spans started and ended, no tracer provider`, fixed(untraced, 1), fixed(untraced / pageCpu, 4)],
      ['gateway CPU of the page (G, 1 client, all off)', fixed(pageCpu), '1.0000'],
    ],
  );
}
