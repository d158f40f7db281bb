import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { GATEWAY_NODE_FLAGS } from '../../scripts/gateway-node-flags';

/**
 * Every place that starts a process serving the gateway gives Node the same flags, the ones the
 * benchmark measured the gateway with (scripts/gateway-node-flags.ts).
 */
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The words of a command between `node` and the script it runs. */
function nodeFlagsOf(command: readonly string[], script: string): string[] {
  const node = command.indexOf('node');
  const at = command.findIndex((word) => word.endsWith(script));
  if (node < 0 || at < node) throw new Error(`not a node command running ${script}: ${command.join(' ')}`);
  return command.slice(node + 1, at);
}

describe("the gateway's Node flags", () => {
  it('are given by the image, compose and Kubernetes', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(nodeFlagsOf(JSON.parse(cmd!) as string[], 'start-gateway.js')).toEqual(GATEWAY_NODE_FLAGS);

    const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, { command?: string[] }> };
    expect(nodeFlagsOf(compose.services.gateway!.command!, 'start-gateway.js')).toEqual(GATEWAY_NODE_FLAGS);

    const documents = parseAllDocuments(read('deploy/kubernetes/gateway.yaml')).map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: { template?: { spec: { containers: Array<{ command?: string[] }> } } } });
    const deployment = documents.find((d) => d.kind === 'Deployment' && d.metadata.name === 'gateway')!;
    expect(nodeFlagsOf(deployment.spec.template!.spec.containers[0]!.command!, 'start-gateway.js')).toEqual(GATEWAY_NODE_FLAGS);
  });

  it('are given by the npm scripts that start a gateway, alone or with the whole network', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const lastCommand = (line: string) => line.split('&&').pop()!.trim().split(/\s+/);
    expect(nodeFlagsOf(lastCommand(scripts['start:gateway']!), 'start-gateway.js')).toEqual(GATEWAY_NODE_FLAGS);
    expect(nodeFlagsOf(lastCommand(scripts.start!), 'start-network.js')).toEqual(GATEWAY_NODE_FLAGS);
  });

  it('are flags this Node accepts', () => {
    for (const flag of GATEWAY_NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!)).toBe(true);
  });
});
