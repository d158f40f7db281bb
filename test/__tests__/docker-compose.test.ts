import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../shared/config';
import { parseDatabaseUrl } from '../../shared/database-url';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { JWKS_PATH } from '../../subgraphs/network/src';

/**
 * docker-compose.yml is the deployment shape: one service per registry cluster, the network
 * subgraph, the gateway and the database. No Docker engine runs here, so these tests check the
 * file against the registry and the config module instead.
 */

type EnvironmentValue = string | number | boolean | null;

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, EnvironmentValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  expose?: (string | number)[];
  ports?: (string | number | { target?: number; published?: string | number })[];
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const COMPOSE_FILE = path.resolve(__dirname, '../../docker-compose.yml');
const DATABASE_SERVICE = 'mariadb';
/** Services of stock images, configured by their own variables, not ours. */
const STOCK_SERVICES = [DATABASE_SERVICE, 'redis'];
const CLUSTER_PREFIX = 'cluster-';
const FIRST_CLUSTER_PORT = 4101;
/** Stands in for every `${VAR}` that Compose would fill from the host's environment. */
const INTERPOLATED = 'interpolated-secret';

// Compose supports YAML merge keys (`<<: *anchor`); so must the parser.
const compose = parse(fs.readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;
const services = compose.services;
const serviceNames = Object.keys(services);
const applicationServices = serviceNames.filter((name) => !STOCK_SERVICES.includes(name));

/** A service's environment as Compose hands it to the container, host interpolations filled in. */
function environmentOf(name: string): Record<string, string> {
  const declared = services[name]?.environment ?? {};
  const entries: [string, string][] = Array.isArray(declared)
    ? declared.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(declared).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value)]));
}

/** `${VAR}`, `${VAR:-default}`, `${VAR:?message}` and the like become a dummy; `$$` is a literal `$`. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-?+][^}]*)?\}/g, INTERPOLATED)
    .replace(/\$\$/g, '$');
}

function dependenciesOf(name: string): string[] {
  const dependsOn = services[name]?.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function healthcheckCommand(name: string): string {
  const test = services[name]?.healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}

function clusterPortOf(clusterId: string): number {
  return Number(environmentOf(`${CLUSTER_PREFIX}${clusterId}`).CLUSTER_PORT);
}

const registry = FOUNDING_CLUSTERS.map((cluster, index) => ({
  id: cluster.id,
  index,
  service: `${CLUSTER_PREFIX}${cluster.id}`,
  port: FIRST_CLUSTER_PORT + index,
}));

describe('docker-compose.yml', () => {
  describe('cluster services', () => {
    it.each(registry)('runs exactly one service for cluster $id, named $service', ({ id, service }) => {
      const serving = serviceNames.filter((name) => environmentOf(name).CLUSTER_ID === id);
      expect(serving).toEqual([service]);
    });

    it.each(registry)('gives $service CLUSTER_PORT $port (4101 + registry index $index)', ({ id, port }) => {
      expect(clusterPortOf(id)).toBe(port);
    });

    it.each(registry)('exposes the port $service listens on', ({ service, port }) => {
      expect((services[service]?.expose ?? []).map(String)).toContain(String(port));
    });

    it.each(registry)('health-checks $service on its own port', ({ service, port }) => {
      expect(healthcheckCommand(service)).toContain(`http://127.0.0.1:${port}/health`);
    });

    it.each(registry)('runs the cluster subgraph program in $service', ({ service }) => {
      expect([services[service]?.command].flat().join(' ')).toContain('dist/scripts/start-cluster.js');
    });

    it('declares no cluster service for a cluster outside the registry', () => {
      const known = new Set(registry.map((cluster) => cluster.service));
      const clusterServices = serviceNames.filter(
        (name) => name.startsWith(CLUSTER_PREFIX) || environmentOf(name).CLUSTER_ID !== undefined,
      );
      expect(clusterServices.filter((name) => !known.has(name))).toEqual([]);
    });

    it('lists the cluster services in registry order', () => {
      const listed = serviceNames.filter((name) => name.startsWith(CLUSTER_PREFIX));
      expect(listed).toEqual(registry.map((cluster) => cluster.service));
    });

    it.each(registry)('gives $service a database URL the data layer accepts', ({ id, service }) => {
      const config = loadConfig(environmentOf(service));
      expect(() => parseDatabaseUrl(config.clusterDatabaseUrl(id))).not.toThrow();
    });
  });

  describe('environment', () => {
    it.each(applicationServices)('gives %s only variables the config module reads', (name) => {
      const unknown = Object.keys(environmentOf(name)).filter((key) => !CONFIG_VARIABLES.includes(key));
      expect(unknown).toEqual([]);
    });

    it('gives the database service only MARIADB_* variables', () => {
      const names = Object.keys(environmentOf(DATABASE_SERVICE));
      expect(names.filter((key) => !key.startsWith('MARIADB_'))).toEqual([]);
    });

    it.each(applicationServices)('gives %s an environment loadConfig accepts', (name) => {
      expect(() => loadConfig(environmentOf(name))).not.toThrow();
    });

    it('gives the network subgraph a database URL the data layer accepts', () => {
      const config = loadConfig(environmentOf('network'));
      expect(() => parseDatabaseUrl(config.networkDatabaseUrl)).not.toThrow();
    });
  });

  describe('wiring', () => {
    it("points the gateway's NETWORK_URL at the network service's port", () => {
      const networkUrl = new URL(loadConfig(environmentOf('gateway')).networkUrl);
      const networkConfig = loadConfig(environmentOf('network'));
      expect(networkUrl.hostname).toBe('network');
      expect(Number(networkUrl.port)).toBe(networkConfig.ports.network);
      expect(networkUrl.pathname).toBe('/graphql');
    });

    it.each(registry)("makes the network's CLUSTER_URL_TEMPLATE address $service on its port", ({ id, service }) => {
      const url = new URL(loadConfig(environmentOf('network')).clusterUrl(id, clusterPortOf(id)));
      expect(url.hostname).toBe(service);
      expect(Number(url.port)).toBe(clusterPortOf(id));
    });

    it.each(registry)("puts $service at the network's CLUSTER_BASE_PORT + its registry index", ({ id, index }) => {
      const networkConfig = loadConfig(environmentOf('network'));
      expect(networkConfig.ports.clusterBase + index).toBe(clusterPortOf(id));
    });

    it.each(serviceNames)('makes %s depend only on services that exist', (name) => {
      expect(dependenciesOf(name).filter((dependency) => !serviceNames.includes(dependency))).toEqual([]);
    });

    it('makes the gateway wait for the network subgraph and every cluster to be healthy', () => {
      const dependsOn = services.gateway?.depends_on;
      const expected = ['network', ...registry.map((cluster) => cluster.service)];
      expect(Array.isArray(dependsOn)).toBe(false);
      for (const dependency of expected) {
        expect({ dependency, ...(dependsOn as Record<string, { condition?: string }>)[dependency] }).toEqual({
          dependency,
          condition: 'service_healthy',
        });
      }
    });

    it('lets the network service alone hold the token keys, and every other service verify with what it publishes', () => {
      const network = loadConfig(environmentOf('network'));
      expect(network.authJwksUrl).toBeUndefined();
      expect(services.network?.volumes).toContainEqual(`auth-keys:${path.dirname(network.authKeysFile)}`);
      for (const name of applicationServices.filter((service) => service !== 'network')) {
        const url = new URL(loadConfig(environmentOf(name)).authJwksUrl ?? 'http://missing');
        expect([name, url.hostname, Number(url.port), url.pathname]).toEqual([name, 'network', network.ports.network, JWKS_PATH]);
      }
    });

    it("points the gateway's rate limits at the Redis service", () => {
      expect(loadConfig(environmentOf('gateway')).protection.rateLimits?.redisUrl).toBe('redis://redis:6379');
      expect((services.gateway?.depends_on as Record<string, { condition?: string }>).redis).toEqual({ condition: 'service_healthy' });
    });

    it('publishes only the gateway to the host', () => {
      expect(serviceNames.filter((name) => (services[name]?.ports ?? []).length > 0)).toEqual(['gateway']);
    });

    it.each(serviceNames)('gives %s a healthcheck', (name) => {
      expect(healthcheckCommand(name)).not.toBe('');
    });
  });
});
