import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { listen } from '../shared/server/http-app';
import { createGateway } from '../gateway/src';
import { exitOnFailure, stopOnSignals } from './process-lifecycle';

/** The gateway alone: `npm run start:gateway`; it finds the shards in the network's registry. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await createGateway({
    networkUrl: config.networkUrl,
    shardTimeoutMs: config.shardTimeoutMs,
    shardTimeouts: config.shardTimeouts,
    startupWaitMs: config.startupWaitMs,
    logger,
  });
  const server = await listen(gateway.app, config.ports.gateway, config.host);
  process.stdout.write(`gateway answers at ${server.url}/graphql over ${gateway.registry.length} clusters\n`);
  stopOnSignals(async () => {
    await server.close();
    await gateway.stop();
  });
}

exitOnFailure(main);
