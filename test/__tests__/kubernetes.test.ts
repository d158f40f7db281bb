import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig, type Config } from '../../shared/config';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { JWKS_PATH } from '../../subgraphs/network/src';

/**
 * The manifests under deploy/kubernetes are the deployment shape past one machine. No cluster runs
 * here, so, like docker-compose.yml, they are checked against the config module and the registry.
 */

interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
}
interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}
interface Deployment extends Manifest {
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; terminationGracePeriodSeconds?: number; volumes?: Array<{ name: string; secret?: { secretName: string } }> } };
  };
}
interface Service extends Manifest {
  spec: { selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string | number }> };
}

const FOLDER = path.resolve(__dirname, '../../deploy/kubernetes');
const manifests: Manifest[] = fs
  .readdirSync(FOLDER)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(FOLDER, file), 'utf8')).map((document) => document.toJS() as Manifest));
const deployments = manifests.filter((m): m is Deployment => m.kind === 'Deployment');
const services = manifests.filter((m): m is Service => m.kind === 'Service');
const ours = deployments.filter((d) => d.spec.template.spec.containers[0]!.image.startsWith('itro-federation'));
const deployment = (name: string) => deployments.find((d) => d.metadata.name === name)!;
const containerOf = (d: Deployment) => d.spec.template.spec.containers[0]!;

/** A container's environment as the config module reads it; values from secrets stand in as a database URL. */
function environmentOf(d: Deployment): Record<string, string> {
  return Object.fromEntries((containerOf(d).env ?? []).map((entry) => [entry.name, entry.value ?? `mysql://user:secret@mariadb:3306/itro_${entry.name === 'CLUSTER_DATABASE_URL' ? 'cluster_{cluster}' : 'network'}`]));
}
const configOf = (d: Deployment): Config => loadConfig(environmentOf(d));

/** The port the program listens on, as its own config says. */
function listeningPort(d: Deployment): number {
  const command = containerOf(d).command!.join(' ');
  const config = configOf(d);
  if (command.includes('start-gateway')) return config.ports.gateway;
  if (command.includes('start-network-subgraph')) return config.ports.network;
  return config.clusterPort!;
}

describe('the Kubernetes manifests', () => {
  it('hold the gateway, the network subgraph, Redis and one cluster\'s deployment', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['cluster-banat', 'gateway', 'network', 'redis']);
  });

  it.each(ours.map((d) => [d.metadata.name, d] as const))('give %s only variables the config module reads, which it accepts', (_name, d) => {
    expect(Object.keys(environmentOf(d)).filter((key) => !CONFIG_VARIABLES.includes(key))).toEqual([]);
    expect(() => configOf(d)).not.toThrow();
    expect(configOf(d).env).toBe('production');
  });

  it.each(ours.map((d) => [d.metadata.name, d] as const))('open the port %s listens on, probe /ready and /health there, and give it longer than its drain to stop', (_name, d) => {
    const container = containerOf(d);
    const port = container.ports!.find((p) => p.name === 'http')!;
    expect(port.containerPort).toBe(listeningPort(d));
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(d.spec.template.spec.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(configOf(d).shutdownGraceMs);
  });

  it.each(services.map((s) => [s.metadata.name, s] as const))('route Service %s to the pods and the named port of one deployment', (_name, service) => {
    const targets = deployments.filter((d) => Object.entries(service.spec.selector).every(([key, value]) => d.spec.template.metadata.labels[key] === value));
    expect(targets).toHaveLength(1);
    const d = targets[0]!;
    expect(Object.entries(d.spec.selector.matchLabels).every(([key, value]) => d.spec.template.metadata.labels[key] === value)).toBe(true);
    for (const port of service.spec.ports) expect(containerOf(d).ports!.map((p) => p.name)).toContain(port.targetPort);
  });

  it('run the gateway as several replicas, scaled on CPU, never below two', () => {
    expect(deployment('gateway').spec.replicas).toBeGreaterThanOrEqual(2);
    const autoscaler = manifests.find((m) => m.kind === 'HorizontalPodAutoscaler')!;
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(autoscaler.spec.minReplicas as number).toBeGreaterThanOrEqual(2);
    const budget = manifests.find((m) => m.kind === 'PodDisruptionBudget')!;
    expect(budget.spec.selector).toEqual({ matchLabels: deployment('gateway').spec.selector.matchLabels });
  });

  it('point the gateway at the network Service and share its counters through the Redis Service', () => {
    const config = configOf(deployment('gateway'));
    const network = services.find((s) => s.metadata.name === 'network')!;
    const networkUrl = new URL(config.networkUrl);
    expect([networkUrl.hostname, Number(networkUrl.port), networkUrl.pathname]).toEqual(['network', network.spec.ports[0]!.port, '/graphql']);
    expect(network.spec.ports[0]!.port).toBe(listeningPort(deployment('network')));
    const redis = new URL(config.protection.rateLimits!.redisUrl!);
    expect([redis.hostname, Number(redis.port)]).toEqual(['redis', services.find((s) => s.metadata.name === 'redis')!.spec.ports[0]!.port]);
    const jwks = new URL(config.authJwksUrl!);
    expect([jwks.hostname, jwks.pathname]).toEqual(['network', JWKS_PATH]);
  });

  it('mount the gateway\'s assertion key where the gateway and the network read it, from one secret', () => {
    for (const name of ['gateway', 'network']) {
      const d = deployment(name);
      const keysFolder = path.dirname(configOf(d).gatewayKeysFile);
      const mount = containerOf(d).volumeMounts!.find((m) => m.mountPath === keysFolder)!;
      expect(d.spec.template.spec.volumes!.find((v) => v.name === mount.name)!.secret).toEqual({ secretName: 'itro-gateway-keys' });
    }
    const network = deployment('network');
    const authFolder = path.dirname(configOf(network).authKeysFile);
    expect(containerOf(network).volumeMounts!.map((m) => m.mountPath)).toContain(authFolder);
  });

  it('give a cluster the manifest of a registry cluster, checking keys at the network\'s JWKS', () => {
    const cluster = deployment('cluster-banat');
    const config = configOf(cluster);
    expect(FOUNDING_CLUSTERS.map((c) => c.id)).toContain(config.clusterId);
    expect(cluster.metadata.name).toBe(`cluster-${config.clusterId}`);
    expect(new URL(config.authJwksUrl!).pathname).toBe(JWKS_PATH);
    expect(containerOf(cluster).command).toEqual(['node', 'dist/scripts/start-cluster.js']);
  });
});
