import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGateway, type Gateway } from '../../gateway/src';
import { createAssertionSigner, createAssertionVerifier } from '../../shared/auth/gateway-assertion';
import { generateSigningKey } from '../../shared/auth/signing-keys';
import { createTokenVerifier, issueToken } from '../../shared/auth/tokens';
import { DEFAULT_PROTECTION } from '../../shared/gateway-protection';
import { createLogger } from '../../shared/logger';
import { listen, type RunningServer } from '../../shared/server/http-app';
import { createClusterSubgraph } from '../../subgraphs/cluster/src';
import { prepareClusterDatabase } from '../run-network';
import { inProcessNetwork } from './in-process-network';
import { fixed, median, printTable } from './table';

/** Registry changes measured: each is made through one gateway and watched on it and on a replica that only polls. */
const CYCLES = 5;
const REPLICA_POLL_MS = 10_000;
const STATS = `{ networkStats { byCluster { cluster { id } } } members { totalCount } }`;

interface Answer {
  data?: { networkStats: { byCluster: Array<{ cluster: { id: string } }> } } | null;
  errors?: Array<{ extensions?: { code?: string; cluster?: string; reason?: string } }>;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

/** How long after `from` the answers of `url` first satisfy `seen`, asking every 20 ms. */
async function firstAnswer(url: string, from: number, seen: (answer: Answer) => boolean): Promise<number> {
  for (;;) {
    if (seen(await post(url, STATS))) return Date.now() - from;
    if (Date.now() - from > 60_000) throw new Error(`the change was not seen within 60 s at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const inFanOut = (id: string) => (answer: Answer) => Boolean(answer.data?.networkStats.byCluster.some((row) => row.cluster.id === id));
const suspendedIn = (id: string) => (answer: Answer) => Boolean(answer.errors?.some((error) => error.extensions?.cluster === id && error.extensions.reason === 'suspended'));

/**
 * H. From a registry write to the first answer that includes it: through the gateway the write
 * passed (it reads the registry again before answering), and on a replica that only polls (every
 * 10 s, the default; each write at a random moment of its cycle). Over the in-process network on SQLite, with the joining clusters' deployment
 * in the same process.
 */
export async function registryChangeTimes(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-bench-registry-'));
  const authKeys = { keys: [await generateSigningKey()] };
  const joining = Array.from({ length: CYCLES }, (_, index) => `joining-${index + 1}`);
  const logger = createLogger('bench', 'error');
  // Polling is this section's subject: the gateway the writes pass keeps its default poll.
  const network = await inProcessNetwork(folder, { registryPollMs: REPLICA_POLL_MS, logger, authKeys, protection: { ...DEFAULT_PROTECTION, rateLimits: null } });

  let replica: Gateway | undefined;
  let replicaServer: RunningServer | undefined;
  // Each joining cluster's own deployment, on an empty database, as a cluster deploys it.
  const deployments: Array<{ url: string; close: () => Promise<void> }> = [];
  try {
    for (const id of joining) {
      const dataSource = await prepareClusterDatabase(id, `sqlite:${path.join(folder, `${id}.sqlite`)}`, 'never', 566, logger);
      const subgraph = await createClusterSubgraph({ dataSource, clusterIds: [id], logger, verifyToken: createTokenVerifier(authKeys), gatewayAssertion: createAssertionVerifier(network.gatewayKeys, [id]) });
      const server = await listen(subgraph.app, 0, '127.0.0.1');
      deployments.push({ url: server.url, close: async () => (await server.close(), await subgraph.stop(), await dataSource.destroy()) });
    }
    replica = await createGateway({ source: { kind: 'registry', networkUrl: network.networkUrl }, registryPollMs: REPLICA_POLL_MS, logger, signAssertion: createAssertionSigner(network.gatewayKeys), protection: { ...DEFAULT_PROTECTION, rateLimits: null } });
    replicaServer = await listen(replica.app, 0, '127.0.0.1');
    const replicaUrl = `${replicaServer.url}/graphql`;
    const secretariat = await issueToken(authKeys, { role: 'secretariat', subject: 'bench@secretariat' });
    const times = { register: { here: [] as number[], replica: [] as number[] }, suspend: { here: [] as number[], replica: [] as number[] }, retire: { here: [] as number[], replica: [] as number[] } };
    for (const [index, id] of joining.entries()) {
      const write = async (query: string, variables: Record<string, unknown>) => {
        // At a random moment of the replica's poll cycle: right after its read, it would wait the whole interval.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * REPLICA_POLL_MS));
        const at = Date.now();
        const answer = await post(network.gatewayUrl, query, variables, secretariat);
        if (answer.errors?.length) throw new Error(`the registry write failed: ${JSON.stringify(answer.errors)}`);
        return at;
      };
      const measure = async (kind: keyof typeof times, at: number, seen: (answer: Answer) => boolean) => {
        const [here, there] = await Promise.all([firstAnswer(network.gatewayUrl, at, seen), firstAnswer(replicaUrl, at, seen)]);
        times[kind].here.push(here);
        times[kind].replica.push(there);
      };
      const registration = { id, name: `Joining cluster ${id}`, shortName: id, city: 'Oradea', region: 'NORD_VEST', url: deployments[index]!.url, representative: 'Ana Pop' };
      await measure('register', await write(`mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`, { input: registration }), inFanOut(id));
      await measure('suspend', await write(`mutation($id: ID!) { suspendCluster(id: $id) { id } }`, { id }), suspendedIn(id));
      await measure('retire', await write(`mutation($id: ID!) { retireCluster(id: $id) { id } }`, { id }), (answer) => !inFanOut(id)(answer) && !suspendedIn(id)(answer));
    }
    const rows = Object.entries(times).map(([change, measured]) => [
      `${change}Cluster`,
      fixed(median(measured.here), 0),
      fixed(median(measured.replica), 0),
      fixed(median(measured.replica) / REPLICA_POLL_MS, 2),
    ]);
    printTable(
      `H. From a registry write to the first answer that includes it (medians of ${CYCLES} writes): through the gateway the write passed, and on a replica polling every ${REPLICA_POLL_MS / 1000} s`,
      ['change', 'this gateway ms', 'replica ms', 'replica x poll'],
      rows,
    );
  } finally {
    await replicaServer?.close();
    await replica?.stop();
    for (const deployment of deployments) await deployment.close();
    await network.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
