import 'reflect-metadata';
import { loadOrCreateSigningKeys } from '../shared/auth/signing-keys';
import { createTokenVerifier } from '../shared/auth/tokens';
import { gatewayKeysFromConfig } from '../shared/auth/assertions-from-config';
import { createAssertionVerifier, NETWORK_AUDIENCE } from '../shared/auth/gateway-assertion';
import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { FOUNDING_CLUSTERS } from '../shared/network-catalog';
import { listen } from '../shared/server/http-app';
import { createNetworkSubgraph, JWKS_PATH } from '../subgraphs/network/src';
import { exitOnFailure, stopOnSignals } from './process-lifecycle';
import { startTracing } from '../shared/tracing/tracing';
import { prepareNetworkDatabase } from './run-network';

/** The network subgraph alone: `npm run start:network`. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless the standard OTEL_* variables ask for traces.
  const tracing = startTracing('itro-network');
  const logger = createLogger('network', config.logLevel, config.logFormat);
  const clusterUrl = (id: string) => config.clusterUrl(id, config.ports.clusterBase + FOUNDING_CLUSTERS.findIndex((c) => c.id === id));
  const dataSource = await prepareNetworkDatabase(config.networkDatabaseUrl, { seed: 'if-empty' }, clusterUrl, logger);
  // The network subgraph holds the token key set and publishes its public half for every other
  // process, with the public half of the gateway's assertion keys beside it.
  const keys = await loadOrCreateSigningKeys(config.authKeysFile);
  const gatewayKeys = await gatewayKeysFromConfig(config);
  const subgraph = await createNetworkSubgraph({
    dataSource,
    logger,
    verifyToken: createTokenVerifier(keys),
    gatewayAssertion: config.gatewayAssertions === 'off' ? 'off' : createAssertionVerifier(gatewayKeys, [NETWORK_AUDIENCE]),
    publishedKeys: { keys: [...keys.keys, ...gatewayKeys.keys] },
    protection: config.subgraphProtection,
    metrics: config.metrics,
    gatewayUrl: () => config.gatewayUrl,
  });
  const server = await listen(subgraph.app, config.ports.network, config.host, { timeouts: config.serverTimeouts });
  process.stdout.write(`network subgraph answers at ${server.url}/graphql; its token keys at ${server.url}${JWKS_PATH}\n`);
  stopOnSignals(async () => {
    await server.drain(config.shutdownGraceMs);
    await subgraph.stop();
    await dataSource.destroy();
    await tracing?.shutdown();
  });
}

exitOnFailure(main);
