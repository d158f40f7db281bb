import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { assertionSignerFromConfig } from '../shared/auth/assertions-from-config';
import { loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { readFromRegistry } from '../gateway/src';
import { exitOnFailure } from './process-lifecycle';

/**
 * `npm run supergraph -- [--out <file>]`: composes the running network's supergraph from the
 * registry at NETWORK_URL and writes it (to stdout without `--out`), for
 * `npm run start:gateway -- --supergraph <file>` or any other gateway.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const network = await readFromRegistry(config.networkUrl, {
    startupWaitMs: config.startupWaitMs,
    logger: createLogger('supergraph', config.logLevel, config.logFormat),
    // It asks the subgraphs as the gateway would, so it needs the gateway's key.
    signAssertion: await assertionSignerFromConfig(config),
  });
  if (values.out) {
    fs.writeFileSync(values.out, network.supergraphSdl);
    process.stderr.write(`wrote ${values.out}: ${network.registry.length} clusters, ${network.shardedSdl.size} sharded subgraphs\n`);
  } else process.stdout.write(network.supergraphSdl);
}

exitOnFailure(main);
