import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { readFromRegistry } from '../../gateway/src';
import { createLogger } from '../../shared/logger';
import { createHttpApp, listen } from '../../shared/server/http-app';
import type { RunningNetwork } from '../../scripts/run-network';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { signerFor } from '../support/gateway-assertion';
import { postGraphQL } from '../support/gateway-client';
import { describeOnBothBackends } from '../support/mysql';
import { startTestNetwork } from '../support/test-network';

const SLOW = 'banat';
const SLOW_MS = 1000;

/** Starts the gateway's own start script as a process over `network`, with `slow`'s requests held by a proxy. */
async function startGatewayProcess(network: RunningNetwork, proxy: FaultyProxy, folder: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const { supergraphSdl } = await readFromRegistry(network.networkUrl, { logger: createLogger('test', 'silent'), signAssertion: signerFor(network) });
  fs.writeFileSync(path.join(folder, 'supergraph.graphql'), supergraphSdl);
  const shards = network.gateway.registry.map((entry) => (entry.id === SLOW ? { ...entry, url: proxy.url } : entry));
  proxy.target = network.gateway.registry.find((entry) => entry.id === SLOW)!.url;
  fs.writeFileSync(path.join(folder, 'shards.json'), JSON.stringify(shards));
  fs.writeFileSync(path.join(folder, 'gateway-keys.json'), JSON.stringify(network.gatewayKeys));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start-gateway.ts', '--supergraph', path.join(folder, 'supergraph.graphql'), '--shards', path.join(folder, 'shards.json')], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      GATEWAY_PORT: '0',
      NETWORK_URL: 'http://127.0.0.1:9/unused',
      GATEWAY_KEYS_FILE: path.join(folder, 'gateway-keys.json'),
      SHUTDOWN_GRACE_MS: '8000',
      SHARD_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_ADDRESS: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /gateway answers at (\S+) over/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
  return { child, url, exited };
}

describeOnBothBackends('a process stopped with SIGTERM', (backend) => {
  let network: RunningNetwork;
  let proxy: FaultyProxy;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-lifecycle-'));

  beforeAll(async () => {
    network = await startTestNetwork(backend, 'itro_life');
    proxy = await startFaultyProxy('', SLOW_MS);
  });

  afterAll(async () => {
    await proxy?.close();
    await network?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finishes every request in flight, takes no new one, sends its last traces, and exits cleanly', async () => {
    // An OTLP/HTTP receiver standing in for a collector: the process's traces must reach it.
    const received: string[] = [];
    const collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(`${request.url} ${Buffer.concat(chunks).toString('utf8')}`);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const gateway = await startGatewayProcess(network, proxy, folder, { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_SERVICE_NAME: 'itro-gateway-under-test' });
    try {
      const base = gateway.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const whole = await postGraphQL<{ networkStats: { companies: number } }>(gateway.url, '{ networkStats { companies } }');
      expect(whole.data!.networkStats.companies).toBe(566);
      // Every request now waits about a second for the slow cluster: SIGTERM comes while they do.
      proxy.mode = 'slow';
      const inFlight = Array.from({ length: 20 }, () => postGraphQL<{ networkStats: { companies: number } }>(gateway.url, '{ networkStats { companies } }'));
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS / 4));
      const signalled = Date.now();
      gateway.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(fetch(`${base}/ready`)).rejects.toThrow();
      const answers = await Promise.all(inFlight);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.networkStats.companies).toBe(566);
      }
      expect(await gateway.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(8000);
      // The spans still buffered at SIGTERM were sent before the process exited.
      const traces = received.filter((entry) => entry.startsWith('/v1/traces '));
      expect(traces.length).toBeGreaterThan(0);
      const sent = traces.join('\n');
      expect(sent).toContain('itro-gateway-under-test');
      expect(sent).toContain('POST /graphql');
      expect(sent).toContain('shard members');
    } finally {
      proxy.mode = 'pass';
      gateway.child.kill('SIGKILL');
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe('/ready', () => {
  it('marks the server draining (/ready then says 503 draining on a connection still open), and waits for the request in flight', async () => {
    const app = express();
    let release: () => void = () => undefined;
    app.get('/slow', (_request, response) => void (release = () => response.send('done')));
    const served = createHttpApp([], () => ({}), { routes: (routes) => routes.use(app) });
    const server = await listen(served, 0, '127.0.0.1');
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: 'ready' });
    const slow = fetch(`${server.url}/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const drained = server.drain(5000);
    expect(served.locals.draining).toBe(true);
    release();
    expect(await slow).toBe('done');
    await drained;
  });

  it('answers 503 with the reason when the server cannot take traffic', async () => {
    const server = await listen(createHttpApp([], () => ({}), { ready: () => Promise.reject(new Error('database unreachable')) }), 0, '127.0.0.1');
    try {
      const response = await fetch(`${server.url}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    } finally {
      await server.close();
    }
  });
});
