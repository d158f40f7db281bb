import http from 'node:http';
import type { AddressInfo } from 'node:net';

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * How the proxy misbehaves; `pass` forwards faithfully. `reset` drops the connection before the
 * deployment sees the request; `drop-answer` forwards it, lets the deployment answer (and commit a
 * write), then drops the connection instead of passing the answer on: an answer lost on the way back.
 */
export type FaultMode = 'pass' | 'slow' | 'http-500' | 'malformed-json' | 'graphql-error' | 'reset' | 'drop-answer';

/**
 * A fault of a test's own making, in place of `mode`: it may change the request before it is
 * forwarded, rewrite the deployment's answer, or write a response of its own instead of forwarding.
 */
export interface CustomFault {
  request?(body: Record<string, unknown>): Record<string, unknown>;
  answer?(body: Record<string, unknown>, request: Record<string, unknown>): Record<string, unknown> | Buffer;
  respond?(response: http.ServerResponse, request: Record<string, unknown>): void;
}

export interface FaultyProxy {
  url: string;
  /** The deployment it forwards to; may be set after the proxy starts. */
  target: string;
  mode: FaultMode;
  /** When set, applies to GraphQL requests instead of `mode`. */
  fault?: CustomFault;
  /** GraphQL requests that reached the proxy (health checks not counted). */
  hits: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server in front of a cluster deployment that fails on demand the ways a shard fails
 * in the field: too slow, HTTP 5xx, a body that is not JSON, a GraphQL error, a dropped connection,
 * an answer lost on the way back after the deployment acted on the request.
 */
export async function startFaultyProxy(target = '', slowMs = 2000): Promise<FaultyProxy> {
  const proxy: FaultyProxy = { url: '', target, mode: 'pass', hits: 0, close: async () => undefined };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const isGraphQL = request.method === 'POST';
      if (isGraphQL) proxy.hits += 1;
      const mode = isGraphQL ? proxy.mode : 'pass';
      const fault = isGraphQL ? proxy.fault : undefined;
      // The deployment's whole answer, read before anything is sent back.
      const relay = async (sentBody: Record<string, unknown> | undefined) => {
        const forwardedBody = fault?.request ? Buffer.from(JSON.stringify(fault.request(sentBody!))) : Buffer.concat(chunks);
        const answer = await fetch(`${proxy.target}${request.url}`, {
          method: request.method,
          // The caller's token and the gateway's assertion travel on; hop-by-hop headers do not.
          headers: Object.fromEntries(
            Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_HEADERS.has(entry[0])),
          ),
          body: isGraphQL ? forwardedBody : undefined,
        });
        return { answer, body: Buffer.from(await answer.arrayBuffer()) };
      };
      const forward = async () => {
        const sentBody = fault ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        if (fault?.respond) return fault.respond(response, sentBody);
        const relayed = await relay(sentBody);
        const { answer } = relayed;
        let body: Buffer = relayed.body;
        if (fault?.answer) {
          const rewritten = fault.answer(JSON.parse(body.toString('utf8')), sentBody);
          body = Buffer.isBuffer(rewritten) ? rewritten : Buffer.from(JSON.stringify(rewritten));
        }
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(body);
      };
      if (fault) {
        void forward().catch(() => response.destroy());
        return;
      }
      switch (mode) {
        case 'slow':
          setTimeout(() => void forward().catch(() => response.destroy()), slowMs);
          return;
        case 'http-500':
          response.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded');
          return;
        case 'malformed-json':
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"members": ');
          return;
        case 'graphql-error':
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
          return;
        case 'reset':
          request.socket.destroy();
          return;
        case 'drop-answer':
          void relay(undefined).then(
            () => request.socket.destroy(),
            () => response.destroy(),
          );
          return;
        default:
          void forward().catch(() => response.destroy());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

/**
 * A test network's `clusterUrl` that registers `cluster` at the proxy, pointing the proxy at where
 * that cluster's deployment listens, and every other cluster at its own port.
 */
export function clusterBehind(proxy: FaultyProxy, cluster: string): (id: string, port: number) => string {
  return (id, port) => {
    if (id !== cluster) return `http://127.0.0.1:${port}`;
    proxy.target = `http://127.0.0.1:${port}`;
    return proxy.url;
  };
}
