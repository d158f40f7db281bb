import http from 'node:http';
import https from 'node:https';
import type { Shard } from './shard-set';

export interface ShardRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export type ShardResult = { ok: true; shard: Shard; body: GraphQLResponseBody } | { ok: false; shard: Shard; reason: string };

/** Sends one operation to one shard; never throws: a shard that cannot answer yields a reason. */
export type ShardTransport = (shard: Shard, subgraph: string, request: ShardRequest, headers: Record<string, string>) => Promise<ShardResult>;

/**
 * HTTP to `<shard>/<subgraph>/graphql`, bounded by the shard's timeout. Plain `node:http` over
 * keep-alive connections: a fan-out makes one request per shard for every client request, and
 * `fetch` costs several times more CPU per request than this.
 */
export const httpTransport: ShardTransport = (shard, subgraph, request, headers) => {
  const url = new URL(`${shard.baseUrl}/${subgraph}/graphql`);
  const payload = Buffer.from(JSON.stringify(request));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<ShardResult>((resolve) => {
    let settled = false;
    const finish = (result: ShardResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        agent: url.protocol === 'https:' ? HTTPS_AGENT : HTTP_AGENT,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => finish({ ok: false, shard, reason: describeFailure(error, shard.timeoutMs) }));
        response.on('end', () => finish(readAnswer(shard, response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, shard, reason: `timed out after ${shard.timeoutMs} ms` });
      outgoing.destroy();
    }, shard.timeoutMs);
    outgoing.on('error', (error) => finish({ ok: false, shard, reason: describeFailure(error, shard.timeoutMs) }));
    outgoing.end(payload);
  });
};

const HTTP_AGENT = new http.Agent({ keepAlive: true, maxSockets: 256 });
const HTTPS_AGENT = new https.Agent({ keepAlive: true, maxSockets: 256 });

function readAnswer(shard: Shard, status: number, text: string): ShardResult {
  if (status >= 500) return { ok: false, shard, reason: `HTTP ${status}` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, shard, reason: `malformed response (HTTP ${status})` };
  }
  if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body))) {
    return { ok: false, shard, reason: `malformed response (HTTP ${status})` };
  }
  return { ok: true, shard, body: body as GraphQLResponseBody };
}

/**
 * A short reason for a failed request. Read by shape, not by class: a timeout is a DOMException,
 * and errors may come from another realm, where `instanceof Error` is false.
 */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (typeof error !== 'object' || error === null) return 'unknown failure';
  const { name, message, code, cause } = error as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED' || cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (typeof code === 'string') return `network error ${code}`;
  if (typeof cause?.code === 'string') return `network error ${cause.code}`;
  if (typeof cause?.message === 'string') return `network error: ${cause.message}`;
  return typeof message === 'string' ? message : 'unknown failure';
}
