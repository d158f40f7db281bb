import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../shared/config';
import { createLogger } from '../shared/logger';
import { listen } from '../shared/server/http-app';
import { assertionSignerFromConfig } from '../shared/auth/assertions-from-config';
import { tokenVerifierFromConfig } from '../shared/auth/verifier-from-config';
import { createGateway, type GatewaySource, type HttpTransportOptions } from '../gateway/src';
import { exitOnFailure, stopOnSignals } from './process-lifecycle';
import { startTracing } from '../shared/tracing/tracing';

const shardList = z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), url: z.url() })).min(1);

/**
 * The gateway alone: `npm run start:gateway`; it finds the shards in the network's registry.
 * `npm run start:gateway -- --supergraph <file> [--shards <file.json>]` serves a supergraph file
 * instead, with no registry.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless the standard OTEL_* variables ask for traces.
  const tracing = startTracing('itro-gateway');
  const { values } = parseArgs({ options: { supergraph: { type: 'string' }, shards: { type: 'string' } } });
  const supergraphFile = values.supergraph ?? config.supergraphFile;
  const shardsFile = values.shards ?? config.shardsFile;
  const logger = createLogger('gateway', config.logLevel, config.logFormat);
  const gateway = await createGateway({
    source: supergraphFile ? supergraphSource(supergraphFile, shardsFile) : { kind: 'registry', networkUrl: config.networkUrl },
    shardTimeoutMs: config.shardTimeoutMs,
    shardTimeouts: config.shardTimeouts,
    breaker: config.breaker,
    retryReads: config.retryReads,
    shareReads: config.shareReads,
    registryPollMs: config.registryPollMs,
    metrics: config.metrics,
    shardHttp: shardHttpOptions(config),
    startupWaitMs: config.startupWaitMs,
    logger,
    verifyToken: await tokenVerifierFromConfig(config),
    signAssertion: await assertionSignerFromConfig(config),
    protection: config.protection,
    webDir: config.webDir,
  });
  const server = await listen(gateway.app, config.ports.gateway, config.host, { timeouts: config.serverTimeouts });
  process.stdout.write(`gateway answers at ${server.url}/graphql over ${gateway.registry.length} clusters\n`);
  stopOnSignals(async () => {
    await server.drain(config.shutdownGraceMs);
    await gateway.stop();
    await tracing?.shutdown();
  });
}

/** The shard transport's bounds and the TLS files it reads, each named when it cannot be read. */
function shardHttpOptions(config: Config): HttpTransportOptions {
  const { maxResponseBytes, caFile, clientCertFile, clientKeyFile } = config.shardHttp;
  const read = (file: string | undefined, variable: string) => {
    if (!file) return undefined;
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new ConfigError(`Cannot read ${variable} ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const ca = read(caFile, 'SHARD_CA_FILE');
  const cert = read(clientCertFile, 'SHARD_CLIENT_CERT_FILE');
  const key = read(clientKeyFile, 'SHARD_CLIENT_KEY_FILE');
  return { maxResponseBytes, tls: { ...(ca ? { ca } : {}), ...(cert && key ? { cert, key } : {}) } };
}

function supergraphSource(supergraphFile: string, shardsFile: string | undefined): GatewaySource {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const supergraphSdl = read(supergraphFile, 'supergraph file');
  if (!shardsFile) return { kind: 'supergraph', supergraphSdl };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read(shardsFile, 'shards file'));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`The shards file ${shardsFile} is not JSON`);
  }
  const shards = shardList.safeParse(parsed);
  if (!shards.success) throw new ConfigError(`The shards file ${shardsFile} must be a list of { "id", "url" }: ${shards.error.issues[0]?.message}`);
  return { kind: 'supergraph', supergraphSdl, shards: shards.data };
}

exitOnFailure(main);
