import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../../shared/logger';
import { createHttpApp, listen } from '../../shared/server/http-app';
import { readFromRegistry } from '../../gateway/src/registry/network-read';
import { DEFAULT_PROTECTION } from '../../shared/gateway-protection';
import { exitOnFailure, stopOnSignals } from '../process-lifecycle';
import { benchSigner, benchTokenVerifier, type BenchAssertions } from './bench-assertions';
import { announceReady } from './child-process';
import { startTracing } from '../../shared/tracing/tracing';
import type { AnswerChecks } from '../../gateway/src/shard-router/answer-check';

export interface GatewayConfig {
  /** `ours`: the IT-RO gateway with its shard router; `stock`: @apollo/gateway's own data sources. */
  kind: 'ours' | 'stock';
  networkUrl: string;
  assertions: BenchAssertions;
  /**
   * Ours only. `unchecked`: without the answer checks and without signing assertions, to show in
   * the same run what they cost; never a way to deploy. `shareReads: false`: each identical read sent on its own.
   */
  trust?: 'checked' | 'unchecked';
  shareReads?: boolean;
  /** Whether ours records and serves metrics; true when omitted. */
  metrics?: boolean;
  /** Ours: how often it reads the registry (and then the deployments' schemas); the gateway's default when omitted. */
  registryPollMs?: number;
}

/** Answer checks that pass everything: only for the row that shows what the real ones cost. */
const NO_CHECKS: AnswerChecks = { rootField: () => undefined, entities: () => undefined };

/** One gateway in a process of its own, so its CPU time and memory can be read from outside. */
async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as GatewayConfig;
  // Traces only when the benchmark gave this process an OTLP endpoint (section G).
  startTracing('bench-gateway-process');
  const logger = createLogger('bench-gateway', 'error');
  if (config.kind === 'ours') {
    // Loaded here, not above: our gateway gives the packages it loads federation-internals'
    // exports as plain values (see federation-exports.ts), which the stock gateway must not get.
    const { createGateway } = await import('../../gateway/src/index.js');
    // Rate limits would throttle the load generator itself; every other limit stays as deployed.
    const verifyToken = benchTokenVerifier(config.assertions);
    const gateway = await createGateway({
      ...(verifyToken ? { verifyToken } : {}),
      source: { kind: 'registry', networkUrl: config.networkUrl },
      shardTimeoutMs: 30_000,
      logger,
      protection: { ...DEFAULT_PROTECTION, rateLimits: null },
      signAssertion: config.trust === 'unchecked' ? async () => 'unsigned' : benchSigner(config.assertions),
      ...(config.trust === 'unchecked' ? { answerChecks: NO_CHECKS } : {}),
      shareReads: config.shareReads ?? true,
      metrics: config.metrics ?? true,
      ...(config.registryPollMs ? { registryPollMs: config.registryPollMs } : {}),
    });
    const server = await listen(gateway.app, 0, '127.0.0.1');
    announceReady({ url: `${server.url}/graphql` });
    stopOnSignals(async () => (await server.close(), await gateway.stop()));
    return;
  }
  // The same supergraph, served the stock way: every subgraph at the one URL the file names.
  const { ApolloGateway } = await import('@apollo/gateway');
  const { supergraphSdl } = await readFromRegistry(config.networkUrl, { logger, signAssertion: benchSigner(config.assertions) });
  const apollo = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl, logger }), includeStacktraceInErrorResponses: false, logger });
  await apollo.start();
  const server = await listen(createHttpApp([{ path: '/graphql', server: apollo, context: async () => ({}) }]), 0, '127.0.0.1');
  announceReady({ url: `${server.url}/graphql` });
  stopOnSignals(async () => (await server.close(), await apollo.stop()));
}

exitOnFailure(main);
