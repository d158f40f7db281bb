import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PROTECTION, DEFAULT_RATE_LIMITS, type GatewayProtection } from './gateway-protection';
import { DEFAULT_SERVER_TIMEOUTS, type ServerTimeouts } from './server/http-app';
import { DEFAULT_SUBGRAPH_SETTINGS, subgraphProtection, type SubgraphProtection } from './subgraph-protection';

/**
 * The one place that reads the environment. Every setting is validated at start: a bad value stops
 * the process with a message naming the variable. `.env.example` and the README's table list them.
 */
const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().min(1).max(600_000);
/** A server's wait on its clients: under a second would cut honest clients on a busy network. */
const serverMs = z.coerce.number().int().min(1000).max(600_000);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: readable lines for a terminal; `json`: one JSON object per line. Pretty in development, JSON otherwise, unless set. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Interface every server binds to; `0.0.0.0` in containers. */
  HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  NETWORK_PORT: port.default(4001),
  /** First cluster port of the all-in-one start; clusters take consecutive ports in registry order. */
  CLUSTER_BASE_PORT: port.default(4101),
  /** Every server's wait for a request's headers, and for the whole request (headers and body), from its first byte. */
  SERVER_HEADERS_TIMEOUT_MS: serverMs.default(DEFAULT_SERVER_TIMEOUTS.headersMs),
  SERVER_REQUEST_TIMEOUT_MS: serverMs.default(DEFAULT_SERVER_TIMEOUTS.requestMs),
  /** How long every server keeps an idle connection open between requests; above any proxy's idle timeout in front. */
  SERVER_KEEP_ALIVE_TIMEOUT_MS: serverMs.default(DEFAULT_SERVER_TIMEOUTS.keepAliveMs),
  /** Where the gateway reads the cluster registry and the network subgraph answers. */
  NETWORK_URL: z.url().default('http://127.0.0.1:4001/graphql'),
  /** Where the network subgraph asks the network's partner search when it assembles consortia. */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  DATA_DIR: z.string().min(1).default('data'),
  /** `sqlite:<file>` (embedded default) or `mysql://user:password@host:port/database`. */
  NETWORK_DATABASE_URL: z.string().min(1).optional(),
  /** Like NETWORK_DATABASE_URL; `{cluster}` is replaced by the cluster id (dashes as `_`). */
  CLUSTER_DATABASE_URL: z.string().min(1).optional(),
  /** The cluster a standalone cluster subgraph serves (`npm run start:cluster -- <id>` overrides it). */
  CLUSTER_ID: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).optional(),
  /** Port of a standalone cluster subgraph; defaults to its registry port. */
  CLUSTER_PORT: port.optional(),
  /** The URL the seed writes into the registry for each cluster; `{cluster}` and `{port}` are replaced. */
  CLUSTER_URL_TEMPLATE: z.string().min(1).default('http://127.0.0.1:{port}'),
  /** How long the gateway waits for one shard before answering without it. */
  SHARD_TIMEOUT_MS: positiveMs.default(5000),
  /** Per-cluster overrides, e.g. `banat=8000,inomar=3000`. */
  SHARD_TIMEOUTS: z.string().default(''),
  /** Failures in a row after which the gateway stops asking a shard for a while (its circuit opens). */
  SHARD_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(3),
  /** How long an open circuit stays open before one probe request is let through. */
  SHARD_BREAKER_OPEN_MS: positiveMs.default(10_000),
  /** Whether a read that failed on the way (refused, reset, 5xx, malformed) is sent once more. */
  SHARD_RETRY_READS: z.enum(['true', 'false']).default('true'),
  /** Whether identical reads in flight to one shard for one caller are sent once and their answer shared. */
  SHARD_SHARE_READS: z.enum(['true', 'false']).default('true'),
  /** How often the gateway reads the registry again (ms); 0 never (a registry write through it is still applied at once). */
  REGISTRY_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** The largest answer read from one shard, in bytes; beyond it the answer is refused (CLUSTER_MISBEHAVED). */
  SHARD_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(16 * 1024 * 1024),
  /** PEM file of the CAs trusted for shards on https URLs; the system store when unset. */
  SHARD_CA_FILE: z.string().min(1).optional(),
  /** PEM certificate and key the gateway presents to shards that require mutual TLS. */
  SHARD_CLIENT_CERT_FILE: z.string().min(1).optional(),
  SHARD_CLIENT_KEY_FILE: z.string().min(1).optional(),
  /** Serve this supergraph file instead of composing one from the registry (`--supergraph`). */
  SUPERGRAPH_FILE: z.string().min(1).optional(),
  /** With a supergraph file: a JSON list of `{ "id", "url" }` shards (`--shards`). */
  SHARDS_FILE: z.string().min(1).optional(),
  /** How long the gateway waits at start for the network subgraph and the shards. */
  STARTUP_WAIT_MS: positiveMs.default(60_000),
  /** The random seed of the deterministic data set. */
  SEED: z.coerce.number().int().min(0).default(566),
  /** The token signing key set (private JWKs, newest first); created on first start when missing. */
  AUTH_KEYS_FILE: z.string().min(1).optional(),
  /** Verify tokens with the key set published here (the network subgraph's /.well-known/jwks.json) instead of the key file. */
  AUTH_JWKS_URL: z.url().optional(),
  /** The gateway's own signing keys for the assertion each subgraph request carries (private JWKs, newest first); created on first use. */
  GATEWAY_KEYS_FILE: z.string().min(1).optional(),
  /** `required` (default): subgraphs answer only requests with a valid gateway assertion. `off`: any request (a private network, or a benchmark's stock baseline). */
  GATEWAY_ASSERTIONS: z.enum(['required', 'off']).default('required'),
  /** Operation limits at the gateway: deepest nesting, estimated cost, aliases, fields, tokens. */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(DEFAULT_PROTECTION.limits.maxDepth),
  MAX_QUERY_COST: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_PROTECTION.limits.maxCost),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_PROTECTION.limits.maxAliases),
  MAX_QUERY_FIELDS: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_PROTECTION.limits.maxFields),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_PROTECTION.maxTokens),
  /** Largest request body, in bytes (HTTP 413 beyond). */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(DEFAULT_PROTECTION.bodyLimitBytes),
  /** Every subgraph's own cap on the `_entities` representations of one request (its other limits follow the MAX_QUERY_* settings). */
  SUBGRAPH_MAX_ENTITIES: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_SUBGRAPH_SETTINGS.maxEntities),
  /** How long a subgraph works on one request before answering DEADLINE_EXCEEDED and stopping its SQL; above SHARD_TIMEOUT_MS. */
  SUBGRAPH_REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_SUBGRAPH_SETTINGS.requestDeadlineMs),
  /** Operations in one batched request; 1 turns batching off. */
  MAX_BATCH: z.coerce.number().int().min(1).max(100).default(DEFAULT_PROTECTION.maxBatch),
  /** Operations a minute per token subject, and per address without a token; 0 turns one off. */
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMITS.perTokenPerMinute),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMITS.perAddressPerMinute),
  /** `redis://host:port`: rate-limit counters shared by every gateway replica; in memory without it. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Whether the schema may be introspected; `false` by default when NODE_ENV=production. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** The built dashboard and workbench the gateway serves at `/` and `/graphiql`. */
  WEB_DIR: z.string().min(1).default('dist/web'),
  /** Express's trust proxy: `false`, `true`, a hop count, or addresses such as `loopback`. */
  TRUST_PROXY: z.string().min(1).default('false'),
  /** Whether every process serves `GET /metrics` (Prometheus text) and records what it shows. */
  METRICS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut (ms). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  env: Environment['NODE_ENV'];
  logLevel: Environment['LOG_LEVEL'];
  logFormat: 'pretty' | 'json';
  host: string;
  ports: { gateway: number; network: number; clusterBase: number };
  /** What every process's server waits for of its clients (`listen`). */
  serverTimeouts: ServerTimeouts;
  networkUrl: string;
  /** Where the network subgraph asks the partner search for consortia. */
  gatewayUrl: string;
  dataDir: string;
  networkDatabaseUrl: string;
  /** The database URL of one cluster. */
  clusterDatabaseUrl(clusterId: string): string;
  clusterDatabaseUrlTemplate: string;
  clusterId: string | undefined;
  clusterPort: number | undefined;
  clusterUrl(clusterId: string, port: number): string;
  shardTimeoutMs: number;
  shardTimeouts: Readonly<Record<string, number>>;
  startupWaitMs: number;
  breaker: { failureThreshold: number; openMs: number };
  retryReads: boolean;
  shareReads: boolean;
  registryPollMs: number;
  /** Whether every process serves `/metrics`. */
  metrics: boolean;
  /** On SIGTERM, how long requests in flight may take to finish. */
  shutdownGraceMs: number;
  /** How the gateway reads shards' answers: their size bound, and TLS files for https shards. */
  shardHttp: { maxResponseBytes: number; caFile: string | undefined; clientCertFile: string | undefined; clientKeyFile: string | undefined };
  supergraphFile: string | undefined;
  shardsFile: string | undefined;
  seed: number;
  /** Where the token signing keys live; `<DATA_DIR>/auth/signing-keys.json` by default. */
  authKeysFile: string;
  /** When set, processes other than the key holder verify tokens with the key set published here. */
  authJwksUrl: string | undefined;
  /** The gateway's assertion keys; `<DATA_DIR>/auth/gateway-keys.json` by default. */
  gatewayKeysFile: string;
  /** Whether subgraphs require the gateway's assertion on every GraphQL request. */
  gatewayAssertions: 'required' | 'off';
  protection: GatewayProtection;
  /** Every subgraph's own limits and deadline, derived from the gateway's (see `subgraphProtection`). */
  subgraphProtection: SubgraphProtection;
  /** Where the built pages are (`npm run build:web`). */
  webDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if ((e.SHARD_CLIENT_CERT_FILE === undefined) !== (e.SHARD_CLIENT_KEY_FILE === undefined)) {
    throw new ConfigError('Invalid configuration:\n  SHARD_CLIENT_CERT_FILE, SHARD_CLIENT_KEY_FILE: set both or neither');
  }
  if (e.SERVER_HEADERS_TIMEOUT_MS > e.SERVER_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration:\n  SERVER_HEADERS_TIMEOUT_MS: must not exceed SERVER_REQUEST_TIMEOUT_MS (a request\u2019s time includes its headers)');
  }
  const clusterTemplate = e.CLUSTER_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'cluster-{cluster}.sqlite')}`;
  if (!clusterTemplate.includes('{cluster}')) {
    throw new ConfigError('Invalid configuration:\n  CLUSTER_DATABASE_URL: must contain {cluster}');
  }
  const protection: GatewayProtection = {
    limits: { maxDepth: e.MAX_QUERY_DEPTH, maxCost: e.MAX_QUERY_COST, maxAliases: e.MAX_QUERY_ALIASES, maxFields: e.MAX_QUERY_FIELDS },
    maxTokens: e.MAX_QUERY_TOKENS,
    bodyLimitBytes: e.MAX_BODY_BYTES,
    maxBatch: e.MAX_BATCH,
    rateLimits: { perTokenPerMinute: e.RATE_LIMIT_PER_TOKEN, perAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS, ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}) },
    introspection: e.INTROSPECTION ? e.INTROSPECTION === 'true' : e.NODE_ENV !== 'production',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json'),
    host: e.HOST,
    ports: { gateway: e.GATEWAY_PORT, network: e.NETWORK_PORT, clusterBase: e.CLUSTER_BASE_PORT },
    serverTimeouts: { headersMs: e.SERVER_HEADERS_TIMEOUT_MS, requestMs: e.SERVER_REQUEST_TIMEOUT_MS, keepAliveMs: e.SERVER_KEEP_ALIVE_TIMEOUT_MS },
    networkUrl: e.NETWORK_URL,
    gatewayUrl: e.GATEWAY_URL,
    dataDir,
    networkDatabaseUrl: e.NETWORK_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'network.sqlite')}`,
    clusterDatabaseUrlTemplate: clusterTemplate,
    // Database names allow no dashes on MySQL: `alt-brasov` is stored as `alt_brasov`.
    clusterDatabaseUrl: (clusterId) => clusterTemplate.replaceAll('{cluster}', clusterId.replaceAll('-', '_')),
    clusterId: e.CLUSTER_ID,
    clusterPort: e.CLUSTER_PORT,
    clusterUrl: (clusterId, p) =>
      e.CLUSTER_URL_TEMPLATE.replaceAll('{cluster}', clusterId).replaceAll('{port}', String(p)),
    shardTimeoutMs: e.SHARD_TIMEOUT_MS,
    shardTimeouts: parseTimeouts(e.SHARD_TIMEOUTS),
    startupWaitMs: e.STARTUP_WAIT_MS,
    breaker: { failureThreshold: e.SHARD_BREAKER_FAILURES, openMs: e.SHARD_BREAKER_OPEN_MS },
    retryReads: e.SHARD_RETRY_READS === 'true',
    shareReads: e.SHARD_SHARE_READS === 'true',
    registryPollMs: e.REGISTRY_POLL_MS,
    metrics: e.METRICS_ENABLED === 'true',
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shardHttp: { maxResponseBytes: e.SHARD_MAX_RESPONSE_BYTES, caFile: e.SHARD_CA_FILE, clientCertFile: e.SHARD_CLIENT_CERT_FILE, clientKeyFile: e.SHARD_CLIENT_KEY_FILE },
    supergraphFile: e.SUPERGRAPH_FILE,
    shardsFile: e.SHARDS_FILE,
    seed: e.SEED,
    authKeysFile: path.resolve(e.AUTH_KEYS_FILE ?? path.join(dataDir, 'auth', 'signing-keys.json')),
    authJwksUrl: e.AUTH_JWKS_URL,
    gatewayKeysFile: path.resolve(e.GATEWAY_KEYS_FILE ?? path.join(dataDir, 'auth', 'gateway-keys.json')),
    gatewayAssertions: e.GATEWAY_ASSERTIONS,
    webDir: path.resolve(e.WEB_DIR),
    protection,
    subgraphProtection: subgraphProtection(protection, { maxEntities: e.SUBGRAPH_MAX_ENTITIES, requestDeadlineMs: e.SUBGRAPH_REQUEST_DEADLINE_MS }),
  };
}

/** `true`/`false`, a hop count, or what express takes as a list of trusted addresses. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function parseTimeouts(text: string): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(\d{1,6})$/.exec(entry);
    if (!match || Number(match[2]) < 1) {
      throw new ConfigError(`Invalid configuration:\n  SHARD_TIMEOUTS: "${entry}" is not <clusterId>=<milliseconds>`);
    }
    timeouts[match[1]!] = Number(match[2]);
  }
  return timeouts;
}

/** The names of every variable the config module reads, for the README and docker-compose checks. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);
