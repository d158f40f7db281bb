import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { createHttpApp, listen, type RunningServer } from '../../shared/server/http-app';
import { createGateway, readFromRegistry, supergraphSubgraphs, type Gateway } from '../../gateway/src';
import type { RunningNetwork } from '../../scripts/run-network';
import { NETWORK_AUDIENCE } from '../../shared/auth/gateway-assertion';
import { NETWORK_SUBGRAPH } from '../../shared/sharded-subgraphs';
import { AssertingDataSource, signerFor } from '../support/gateway-assertion';
import { startFaultyProxy } from '../support/faulty-proxy';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

const logger = createLogger('test', 'silent');

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serveGateway(gateway: Gateway): Promise<Served> {
  const server: RunningServer = await listen(gateway.app, 0, '127.0.0.1');
  return { url: `${server.url}/graphql`, close: async () => (await server.close(), await gateway.stop()) };
}

/** Stock @apollo/gateway over the same supergraph file: its own data sources, no shard router. */
async function serveStock(supergraphSdl: string, network: RunningNetwork): Promise<Served> {
  // Stock in every way but the assertion each subgraph asks of its callers.
  const audience = (name: string) => (name === NETWORK_SUBGRAPH ? [NETWORK_AUDIENCE] : [network.gateway.registry[0]!.id]);
  const gateway = new ApolloGateway({ supergraphSdl, logger, buildService: ({ name, url }) => new AssertingDataSource(url, signerFor(network), audience(name)) });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, logger });
  await server.start();
  const running = await listen(createHttpApp([{ path: '/graphql', server, context: async () => ({}) }]), 0, '127.0.0.1');
  return { url: `${running.url}/graphql`, close: async () => (await running.close(), await server.stop()) };
}

/**
 * Stock answers as ours mask them: where stock @apollo/gateway shows an internal failure's own text
 * ("request to http://10.0.0.7:4001/graphql failed…"), ours says "Internal server error" and logs it.
 */
function masked<Answer extends { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>(answer: Answer): Answer {
  if (!answer.errors) return answer;
  return { ...answer, errors: answer.errors.map((error) => (error.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...error, message: 'Internal server error' } : error)) };
}

describeOnBothBackends('the gateway on a supergraph file', (backend) => {
  let network: RunningNetwork;
  let supergraphSdl: string;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_sg');
    supergraphSdl = (await readFromRegistry(network.networkUrl, { logger, signAssertion: signerFor(network) })).supergraphSdl;
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await network?.close();
  });

  it('names every subgraph with a URL that answers', () => {
    const subgraphs = supergraphSubgraphs(supergraphSdl);
    expect(subgraphs.map((s) => s.name).sort()).toEqual(['members', 'network', 'participation', 'projects']);
    expect(subgraphs.find((s) => s.name === 'network')!.url).toBe(network.networkUrl);
    for (const s of subgraphs.filter((s) => s.name !== 'network')) expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${s.name}/graphql$`));
  });

  it('routes over the shards listed beside the file exactly as over the registry', async () => {
    const fromFile = await serveGateway(
      await createGateway({ source: { kind: 'supergraph', supergraphSdl, shards: network.gateway.registry }, logger, signAssertion: signerFor(network) }),
    );
    closers.push(fromFile.close);
    const queries = [
      '{ networkStats { members companies employees averageCompanySize byCluster { cluster { id name } members } } }',
      '{ members(first: 25, orderBy: { field: NAME, direction: DESC }) { totalCount edges { cursor node { id name cluster { shortName } projects { id } } } } }',
      '{ projects(first: 10) { edges { node { id title partners { id name } } } } }',
      '{ member(id: "atlantis:1") { id } }',
    ];
    for (const query of queries) {
      const [viaRegistry, viaFile] = await Promise.all([postGraphQL(network.gatewayUrl, query), postGraphQL(fromFile.url, query)]);
      expect(viaFile).toEqual(viaRegistry);
    }
  });

  it('without a shard list, serves the clusters of the deployment the file names', async () => {
    const named = await serveGateway(await createGateway({ source: { kind: 'supergraph', supergraphSdl }, logger, signAssertion: signerFor(network) }));
    closers.push(named.close);
    const answer = await postGraphQL<{ networkStats: { companies: number; byCluster: Array<{ cluster: { id: string } }> } }>(
      named.url,
      '{ networkStats { companies byCluster { cluster { id } } } }',
    );
    const first = FOUNDING_CLUSTERS[0]!;
    expect(answer.data!.networkStats).toEqual({ companies: first.companies, byCluster: [{ cluster: { id: first.id } }] });
  });

  it('with the network subgraph failing, answers the clusters\' data and names what is missing', async () => {
    const proxy = await startFaultyProxy(new URL(network.networkUrl).origin);
    const networkUrl = supergraphSubgraphs(supergraphSdl).find((s) => s.name === NETWORK_SUBGRAPH)!.url;
    const proxied = supergraphSdl.replace(`url: "${networkUrl}"`, `url: "${proxy.url}${new URL(networkUrl).pathname}"`);
    const ours = await serveGateway(await createGateway({ source: { kind: 'supergraph', supergraphSdl: proxied, shards: network.gateway.registry }, logger, signAssertion: signerFor(network) }));
    closers.push(ours.close, proxy.close);
    const query = '{ members(first: 3, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id name } } } cluster(id: "banat") { name } }';
    type Answer = { members: { totalCount: number; edges: Array<{ node: { id: string; name: string } }> }; cluster: { name: string } | null };
    const whole = await postGraphQL<Answer>(ours.url, query);
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.cluster).toEqual({ name: expect.any(String) });
    expect(proxy.hits).toBeGreaterThan(0);
    proxy.mode = 'http-500';
    const down = await postGraphQL<Answer>(ours.url, query);
    expect(down.data).toEqual({ members: whole.data!.members, cluster: null });
    expect(down.errors).toEqual([{ message: 'The network subgraph is unavailable: HTTP 500', path: ['cluster'], extensions: { code: 'NETWORK_UNAVAILABLE', reason: 'HTTP 500', serviceName: NETWORK_SUBGRAPH } }]);
  });

  it('passes the network subgraph through untouched: the same answers and errors as stock @apollo/gateway', async () => {
    const ours = await serveGateway(await createGateway({ source: { kind: 'supergraph', supergraphSdl, shards: network.gateway.registry }, logger, signAssertion: signerFor(network) }));
    const stock = await serveStock(supergraphSdl, network);
    closers.push(ours.close, stock.close);
    const queries = [
      '{ network { name fullName president { representative cluster { id name region } } mission { code text } objectives { code position } } }',
      '{ clusters { id name shortName city region url representative position } }',
      '{ cluster(id: "banat") { id name city } nobody: cluster(id: "atlantis") { id } }',
      '{ cluster(id: "Not A Cluster!") { id } }',
      '{ clusters { id doesNotExist } }',
      'query Named($id: ID!) { cluster(id: $id) { name } }',
      '{ network { name ',
    ];
    const compare = async () => {
      for (const query of queries) {
        const variables = query.includes('$id') ? { id: 'transilvania' } : {};
        const [fromOurs, fromStock] = await Promise.all([postGraphQL(ours.url, query, variables), postGraphQL(stock.url, query, variables)]);
        expect({ query, answer: fromOurs }).toEqual({ query, answer: masked(fromStock) });
      }
    };
    await compare();
    // With the network subgraph gone, stock says only INTERNAL_SERVER_ERROR (a fetch that threw);
    // ours says which subgraph is missing and why, at each root field it was asked for, with the same data.
    await network.stopNetworkSubgraph();
    for (const query of queries) {
      const variables = query.includes('$id') ? { id: 'transilvania' } : {};
      const [fromOurs, fromStock] = await Promise.all([postGraphQL(ours.url, query, variables), postGraphQL(stock.url, query, variables)]);
      expect({ query, data: fromOurs.data }).toEqual({ query, data: fromStock.data });
      if (!fromStock.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
        expect({ query, errors: fromOurs.errors }).toEqual({ query, errors: fromStock.errors });
        continue;
      }
      const operation = parse(query).definitions[0] as OperationDefinitionNode;
      const rootKeys = operation.selectionSet.selections.map((selection) => (selection as FieldNode).alias?.value ?? (selection as FieldNode).name.value);
      expect({ query, errors: fromOurs.errors }).toEqual({
        query,
        errors: rootKeys.map((key) => ({
          message: 'The network subgraph is unavailable: connection refused',
          path: [key],
          extensions: { code: 'NETWORK_UNAVAILABLE', reason: 'connection refused', serviceName: NETWORK_SUBGRAPH },
        })),
      });
    }
  });

  it('starts from the command line with --supergraph and --shards, and answers', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-sg-'));
    fs.writeFileSync(path.join(folder, 'supergraph.graphql'), supergraphSdl);
    fs.writeFileSync(path.join(folder, 'shards.json'), JSON.stringify(network.gateway.registry));
    // The gateway process signs with the key this network's subgraphs accept.
    fs.writeFileSync(path.join(folder, 'gateway-keys.json'), JSON.stringify(network.gatewayKeys));
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start-gateway.ts', '--supergraph', path.join(folder, 'supergraph.graphql'), '--shards', path.join(folder, 'shards.json')], {
      env: { ...process.env, LOG_LEVEL: 'silent', GATEWAY_PORT: '0', NETWORK_URL: 'http://127.0.0.1:9/unused', GATEWAY_KEYS_FILE: path.join(folder, 'gateway-keys.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /gateway answers at (\S+) over 9 clusters/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
      });
      const answer = await postGraphQL<{ networkStats: { companies: number } }>(url, '{ networkStats { companies } }');
      expect(answer.data!.networkStats.companies).toBe(566);
    } finally {
      child.kill('SIGTERM');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops with a clear message when the supergraph or shards file is wrong', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-sg-'));
    const shardsFile = path.join(folder, 'shards.json');
    fs.writeFileSync(shardsFile, JSON.stringify([{ id: 'banat', url: 'not a url' }]));
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/start-gateway.ts', '--supergraph', path.join(folder, 'missing.graphql')], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', GATEWAY_KEYS_FILE: path.join(folder, 'gateway-keys.json') },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Cannot read the supergraph file ${path.join(folder, 'missing.graphql')}`);
    fs.writeFileSync(path.join(folder, 'supergraph.graphql'), supergraphSdl);
    const badShards = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/start-gateway.ts', '--supergraph', path.join(folder, 'supergraph.graphql'), '--shards', shardsFile], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', GATEWAY_KEYS_FILE: path.join(folder, 'gateway-keys.json') },
      timeout: 60_000,
    });
    expect(badShards.status).toBe(1);
    expect(badShards.stderr).toContain(`The shards file ${shardsFile} must be a list of { "id", "url" }`);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
