import { gatewayKeysFromConfig } from '../shared/auth/assertions-from-config';
import { loadOrCreateSigningKeys } from '../shared/auth/signing-keys';
import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { runNetwork } from './run-network';
import { exitOnFailure, stopOnSignals } from './process-lifecycle';
import { startTracing } from '../shared/tracing/tracing';

/** `npm start`: the whole network in one process, seeded on first start, on the default ports. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless the standard OTEL_* variables ask for traces.
  const tracing = startTracing('itro-federation');
  const logger = createLogger('itro', config.logLevel, config.logFormat);
  const started = Date.now();
  const network = await runNetwork({
    host: config.host,
    ports: config.ports,
    serverTimeouts: config.serverTimeouts,
    networkDatabaseUrl: config.networkDatabaseUrl,
    clusterDatabaseUrl: config.clusterDatabaseUrl,
    seed: 'if-empty',
    seedValue: config.seed,
    clusterUrl: config.clusterUrl,
    shardTimeoutMs: config.shardTimeoutMs,
    shardTimeouts: config.shardTimeouts,
    registryPollMs: config.registryPollMs,
    metrics: config.metrics,
    logger,
    // Created on first start: `npm run token` signs with the same file.
    authKeys: await loadOrCreateSigningKeys(config.authKeysFile),
    gatewayKeys: await gatewayKeysFromConfig(config),
    gatewayAssertions: config.gatewayAssertions,
    protection: config.protection,
    subgraphProtection: config.subgraphProtection,
    webDir: config.webDir,
  });
  const lines = [
    `IT-RO Federation is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  dashboard          ${network.gatewayUrl.replace(/\/graphql$/, '/')}   (workbench: ${network.gatewayUrl.replace(/\/graphql$/, '/graphiql')})`,
    `  gateway            ${network.gatewayUrl}`,
    `  network subgraph   ${network.networkUrl}`,
    ...network.clusters.map((cluster) => `  cluster ${cluster.id.padEnd(14)} ${cluster.server.url}/{members,projects,participation}/graphql`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  stopOnSignals(async () => {
    await network.shutdown(config.shutdownGraceMs);
    await tracing?.shutdown();
  });
}

exitOnFailure(main);
