import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../shared/config';
import { DEFAULT_SERVER_TIMEOUTS, listen, serverTimeouts, type RunningServer } from '../../shared/server/http-app';

/**
 * The servers' own timeouts, over real sockets: connections that send their request line and
 * headers a byte at a time, or a body slower than the request limit, are answered 408 and closed
 * about when their limit runs out (Node's defaults held them for 60 s and more), while a normal
 * request, a slow answer and a kept-alive connection are left alone.
 */

const HEADERS_MS = 500;
const REQUEST_MS = 1_500;
const KEEP_ALIVE_MS = 2_000;
const SLOW_CONNECTIONS = 300;
/** How late past its limit a connection may be closed: the check interval, plus a loaded CI machine. */
const LATE_MS = 1_500;
/** The time a test waits for a close before it gives up and calls the connection held. */
const GIVE_UP_MS = 8_000;

/** Answers once the whole body is in: its size, so that a test can tell a body was read to its end. */
const echo: http.RequestListener = (request, response) => {
  let bytes = 0;
  request.on('data', (chunk: Buffer) => (bytes += chunk.length));
  request.on('end', () => {
    const delayMs = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
    setTimeout(() => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ bytes }));
    }, delayMs);
  });
};

interface Held {
  /** From the first byte sent until the server closed the connection; Infinity when it never did. */
  heldMs: number;
  /** What the server sent before closing. */
  received: string;
}

/**
 * A raw TCP client that sends `head` at once, then `drip` one character every `everyMs`, starting
 * over when it runs out, and never finishes its request; resolves when the server closes it.
 */
function dripping(port: number, head: string, drip: string, everyMs: number): Promise<Held> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let started = 0;
    let received = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (heldMs: number) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ heldMs, received });
    };
    const giveUp = setTimeout(() => finish(Number.POSITIVE_INFINITY), GIVE_UP_MS);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    // A write racing the server's close fails with EPIPE or ECONNRESET: the close is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => finish(Date.now() - started));
    socket.on('connect', () => {
      started = Date.now();
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(drip[sent++ % drip.length]!);
      }, everyMs);
    });
  });
}

function summary(held: readonly Held[]): { connections: number; minMs: number; medianMs: number; maxMs: number; answered408: number } {
  const times = held.map((entry) => entry.heldMs).sort((a, b) => a - b);
  return {
    connections: held.length,
    minMs: times[0]!,
    medianMs: times[Math.floor(times.length / 2)]!,
    maxMs: times.at(-1)!,
    answered408: held.filter((entry) => entry.received.startsWith('HTTP/1.1 408')).length,
  };
}

/** Sends `requests` one after another on one kept-alive connection, `pauseMs` apart; resolves with the answers and when the server closed it after the last. */
function keptAlive(port: number, requests: number, pauseMs: number): Promise<{ answers: string[]; closedAfterLastMs: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const answers: string[] = [];
    let buffer = '';
    let lastAnswerAt = 0;
    const request = () => socket.write('GET /?delay=0 HTTP/1.1\r\nHost: test\r\n\r\n');
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the idle connection past ${GIVE_UP_MS} ms`));
    }, GIVE_UP_MS + requests * pauseMs);
    socket.setEncoding('latin1');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // Each answer is small and ends with its JSON body.
      const end = buffer.indexOf('}');
      if (end < 0) return;
      answers.push(buffer.slice(0, end + 1));
      buffer = buffer.slice(end + 1);
      lastAnswerAt = Date.now();
      if (answers.length < requests) setTimeout(request, pauseMs);
    });
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ answers, closedAfterLastMs: Date.now() - lastAnswerAt });
    });
    socket.on('connect', request);
  });
}

describe('server timeouts', () => {
  let server: RunningServer;
  let port: number;

  beforeAll(async () => {
    server = await listen(echo, 0, '127.0.0.1', { timeouts: { headersMs: HEADERS_MS, requestMs: REQUEST_MS, keepAliveMs: KEEP_ALIVE_MS } });
    port = server.port;
  });

  afterAll(async () => {
    await server?.close();
  });

  it(`answers 408 and closes ${SLOW_CONNECTIONS} connections that send their request line and headers slowly, about when the headers limit runs out`, async () => {
    const slowLine = Array.from({ length: SLOW_CONNECTIONS / 2 }, () => dripping(port, '', 'GET /a-very-long-path-sent-a-byte-at-a-time HTTP/1.1', 50));
    const slowHeaders = Array.from({ length: SLOW_CONNECTIONS / 2 }, () => dripping(port, 'POST / HTTP/1.1\r\nHost: test\r\n', 'X-Slow: yes\r\n', 50));
    const held = summary(await Promise.all([...slowLine, ...slowHeaders]));
    expect(held).toEqual({
      connections: SLOW_CONNECTIONS,
      minMs: expect.any(Number),
      medianMs: expect.any(Number),
      maxMs: expect.any(Number),
      answered408: SLOW_CONNECTIONS,
    });
    // Not before the limit (they were sending all along), and well within a second or so after it.
    expect(held.minMs).toBeGreaterThanOrEqual(HEADERS_MS - 50);
    expect(held.maxMs).toBeLessThanOrEqual(HEADERS_MS + LATE_MS);
  });

  it('cuts a request whose body drips slower than the request limit, before the body is read to its end', async () => {
    const body = 'x'.repeat(100);
    const held = await dripping(port, `POST / HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: ${body.length * 10}\r\n\r\n`, body, 100);
    expect(held.received).toMatch(/^HTTP\/1\.1 408/);
    expect(held.received).not.toContain('"bytes"');
    expect(held.heldMs).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(held.heldMs).toBeLessThanOrEqual(REQUEST_MS + LATE_MS);
  });

  it('answers a normal request, and a slow answer to a request received in time', async () => {
    const base = `http://127.0.0.1:${port}`;
    const quick = await fetch(`${base}/`, { method: 'POST', body: 'y'.repeat(10_000) });
    expect([quick.status, await quick.json()]).toEqual([200, { bytes: 10_000 }]);
    // The request limit is on receiving: an answer that takes longer than it still arrives.
    const started = Date.now();
    const slow = await fetch(`${base}/?delay=${REQUEST_MS + 500}`, { method: 'POST', body: 'z' });
    expect([slow.status, await slow.json()]).toEqual([200, { bytes: 1 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_MS + 500);
  });

  it('keeps an idle connection for its next request longer than the headers limit, and closes it once the keep-alive limit has passed', async () => {
    const { answers, closedAfterLastMs } = await keptAlive(port, 2, HEADERS_MS * 2);
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      // The hint Node's clients (the gateway's shard agent) read to let go before the server does.
      expect(answer).toMatch(new RegExp(`Keep-Alive: timeout=${KEEP_ALIVE_MS / 1000}`, 'i'));
    }
    // Node closes an idle connection a second after the limit it announces, for the client to go first.
    expect(closedAfterLastMs).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 50);
    expect(closedAfterLastMs).toBeLessThanOrEqual(KEEP_ALIVE_MS + 1_000 + LATE_MS);
  });
});

describe('server timeouts, set through the config module', () => {
  it('default to 10 s for headers, 30 s for a request and 65 s of keep-alive', () => {
    expect(loadConfig({}).serverTimeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000 });
    expect(DEFAULT_SERVER_TIMEOUTS).toEqual(loadConfig({}).serverTimeouts);
  });

  it('read SERVER_HEADERS_TIMEOUT_MS, SERVER_REQUEST_TIMEOUT_MS and SERVER_KEEP_ALIVE_TIMEOUT_MS', () => {
    const config = loadConfig({ SERVER_HEADERS_TIMEOUT_MS: '2000', SERVER_REQUEST_TIMEOUT_MS: '4000', SERVER_KEEP_ALIVE_TIMEOUT_MS: '7000' });
    expect(config.serverTimeouts).toEqual({ headersMs: 2_000, requestMs: 4_000, keepAliveMs: 7_000 });
  });

  it.each([
    ['SERVER_HEADERS_TIMEOUT_MS', '0'],
    ['SERVER_HEADERS_TIMEOUT_MS', 'soon'],
    ['SERVER_REQUEST_TIMEOUT_MS', '999'],
    ['SERVER_KEEP_ALIVE_TIMEOUT_MS', '600001'],
    ['SERVER_REQUEST_TIMEOUT_MS', '5000'],
  ])('refuse %s=%s, naming it', (name, value) => {
    // 5000 ms for a request is too short only next to the 10 s headers default it would cut.
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('are checked by listen too: no zero (Node reads it as no limit), no headers limit beyond the request limit', () => {
    expect(() => serverTimeouts({ headersMs: 0 })).toThrow(RangeError);
    expect(() => serverTimeouts({ keepAliveMs: 1.5 })).toThrow(RangeError);
    expect(() => serverTimeouts({ headersMs: 40_000 })).toThrow(/headersMs/);
    // Checked every second, or every quarter of the headers limit when that is shorter.
    expect(serverTimeouts().checkIntervalMs).toBe(1_000);
    expect(serverTimeouts({ headersMs: HEADERS_MS }).checkIntervalMs).toBe(125);
  });

  it('are what a process started from the scripts applies (the network subgraph, SERVER_HEADERS_TIMEOUT_MS=1000)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-timeouts-'));
    const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start-network-subgraph.ts'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        NETWORK_PORT: '0',
        DATA_DIR: folder,
        SERVER_HEADERS_TIMEOUT_MS: '1000',
        SERVER_REQUEST_TIMEOUT_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        let errors = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /answers at (http:\/\/[^\s/]+)\/graphql/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        child.on('exit', (status) => reject(new Error(`the network subgraph exited with ${status}: ${errors}`)));
      });
      const childPort = Number(new URL(url).port);
      const held = summary(await Promise.all(Array.from({ length: 20 }, () => dripping(childPort, 'GET /health HTTP/1.1\r\n', 'X-Slow: yes\r\n', 50))));
      expect(held.answered408).toBe(20);
      expect(held.minMs).toBeGreaterThanOrEqual(1_000 - 50);
      expect(held.maxMs).toBeLessThanOrEqual(1_000 + LATE_MS);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
