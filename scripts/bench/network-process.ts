import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { listen } from '../../shared/server/http-app';
import { createNetworkSubgraph } from '../../subgraphs/network/src';
import { exitOnFailure, stopOnSignals } from '../process-lifecycle';
import { prepareNetworkDatabase } from '../run-network';
import { networkData } from '../../seed/network-data';
import { NETWORK_AUDIENCE } from '../../shared/auth/gateway-assertion';
import { benchTokenVerifier, benchVerifier, type BenchAssertions } from './bench-assertions';
import { announceReady } from './child-process';
import { startTracing } from '../../shared/tracing/tracing';
import { splitNetwork } from './split-network';

export interface NetworkProcessConfig {
  parts: number;
  /** Where each cluster's deployment answers. */
  urls: Record<string, string>;
  assertions: BenchAssertions;
  /** Whether the subgraph records and serves metrics; true when omitted. */
  metrics?: boolean;
  /** A file the benchmark writes the gateway's URL into once it listens: where consortia ask for partners. */
  gatewayUrlFile?: string;
}

/** The URL in `file`, read the first time it is there. */
function urlFrom(file: string): () => string | undefined {
  let url: string | undefined;
  return () => (url ??= fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || undefined : undefined);
}

/** The network subgraph with a registry of where the benchmark's shards answer. */
async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as NetworkProcessConfig;
  // Traces only when the benchmark gave this process an OTLP endpoint (section G).
  startTracing('bench-network-process');
  const logger = createLogger('bench', 'error');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-network-'));
  const { clusters } = splitNetwork(FOUNDING_CLUSTERS, networkData(566), config.parts);
  const dataSource = await prepareNetworkDatabase(`sqlite:${path.join(folder, 'network.sqlite')}`, { seed: 'always', clusters }, (id) => config.urls[id]!, logger);
  const verifyToken = benchTokenVerifier(config.assertions);
  const network = await createNetworkSubgraph({
    dataSource,
    logger,
    gatewayAssertion: benchVerifier(config.assertions, [NETWORK_AUDIENCE]),
    metrics: config.metrics ?? true,
    ...(verifyToken ? { verifyToken } : {}),
    ...(config.gatewayUrlFile ? { gatewayUrl: urlFrom(config.gatewayUrlFile) } : {}),
  });
  const server = await listen(network.app, 0, '127.0.0.1');
  announceReady({ networkUrl: `${server.url}/graphql` });
  stopOnSignals(async () => {
    await server.close();
    await network.stop();
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });
}

exitOnFailure(main);
