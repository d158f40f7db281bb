import type http from 'node:http';
import { encodeCursor, tryDecodeCursor } from '../../shared/cursor';
import type { CustomFault } from './faulty-proxy';

/**
 * The ways a cluster deployment that is buggy or compromised lies, as faults for a proxy in front of
 * a real deployment (`FaultyProxy.fault`): each takes the deployment's true answer, or its request,
 * and turns it into what a liar would send.
 */
type Json = Record<string, unknown>;

/** Every value of a JSON tree passed through `change`, leaves and containers alike, bottom up. */
function rewrite(value: unknown, change: (value: unknown, key: string | undefined) => unknown, key?: string): unknown {
  let inner = value;
  if (Array.isArray(value)) inner = value.map((item) => rewrite(item, change));
  else if (typeof value === 'object' && value !== null) inner = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, change, k)]));
  return change(inner, key);
}

const answerRewrite = (change: (value: unknown, key: string | undefined) => unknown): CustomFault => ({ answer: (body) => rewrite(body, change) as Json });

/** Writes a 200 answer of `bytes` bytes (or endless) of JSON whitespace, minding backpressure, until the reader hangs up. */
function streamBody(response: http.ServerResponse, bytes: number | 'endless'): void {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  let sent = 0;
  response.on('error', () => undefined);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"data":');
  const pump = () => {
    while (!response.destroyed && (bytes === 'endless' || sent < bytes)) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end('null}');
  };
  pump();
}

/** The lies of shard `liar`, naming `victim` where a lie claims another cluster's rows. */
export function lies(liar: string, victim: string): Record<string, CustomFault> {
  return {
    /** Its own ids and cluster rewritten into another cluster's (`banat:7` → `transilvania:7`). */
    'foreign ids': answerRewrite((value) => {
      if (typeof value !== 'string') return value;
      if (value === liar) return victim;
      return value.startsWith(`${liar}:`) && /^\d+$/.test(value.slice(liar.length + 1)) ? `${victim}:${value.slice(liar.length + 1)}` : value;
    }),
    /** Cursors re-encoded to point at another cluster's rows. */
    'foreign cursors': answerRewrite((value) => {
      const cursor = tryDecodeCursor(value);
      return cursor && cursor.clusterId === liar ? encodeCursor({ ...cursor, clusterId: victim }) : value;
    }),
    /** A page's second row replaced by its first: the same row twice. */
    'duplicate rows': answerRewrite((value, key) => (Array.isArray(value) && key?.endsWith('edges') && value.length >= 2 ? [value[0], value[0], ...value.slice(2)] : value)),
    /** A count sent as a string. */
    'wrong types': answerRewrite((value, key) => (key === 'totalCount' && typeof value === 'number' ? `${value} or so` : value)),
    /** A count left out altogether. */
    'missing field': answerRewrite((value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !('totalCount' in value)) return value;
      const { totalCount: _dropped, ...rest } = value as Json;
      return rest;
    }),
    /** Asked for n rows, it sends more: every page size in the request doubled and then some. */
    'too many rows': {
      request: (body) => ({
        ...body,
        variables: Object.fromEntries(Object.entries((body.variables ?? {}) as Json).map(([name, value]) => [name, /first/i.test(name) && typeof value === 'number' ? value * 2 + 5 : value])),
      }),
    },
    /** One entity fewer than representations. */
    'short _entities': answerRewrite((value, key) => (key === '_entities' && Array.isArray(value) ? value.slice(0, -1) : value)),
    /** A byte sequence that is not UTF-8 inside an id. */
    'invalid UTF-8': {
      answer: (body) => {
        const text = JSON.stringify(body);
        const at = text.indexOf(`"${liar}`);
        return at < 0 ? Buffer.from(text) : Buffer.concat([Buffer.from(text.slice(0, at + 1)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(at + 1))]);
      },
    },
    /** A 1 GiB answer. */
    '1 GiB body': { respond: (response) => streamBody(response, 1024 ** 3) },
    /** An answer that never ends. */
    'endless body': { respond: (response) => streamBody(response, 'endless') },
    /** An answer that drips a byte every 100 ms and never ends. */
    'dripping body': {
      respond: (response) => {
        response.on('error', () => undefined);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"data":');
        const drip = setInterval(() => response.write(' '), 100);
        response.on('close', () => clearInterval(drip));
      },
    },
  };
}
