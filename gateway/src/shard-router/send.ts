import { isUtf8 } from 'node:buffer';
import { Agent, type Dispatcher } from 'undici';
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

/**
 * A shard that could not be heard (`unavailable`: refused, reset, timed out, 5xx, circuit open) is
 * told apart from one that answered with something no honest deployment sends (`misbehaved`: too
 * large, not UTF-8, not JSON, not a GraphQL response, rows that are not its own), and from one
 * that serves another version of the schema and refused the gateway's document as invalid
 * (`schema-mismatch`): it is healthy, it just cannot answer that query.
 */
export type ShardFailure = 'unavailable' | 'misbehaved' | 'schema-mismatch';

/**
 * `sent` tells a write's two kinds of failure apart: false only when the request certainly never
 * reached the shard (circuit open, connection refused, timed out before the request was written),
 * so nothing was done there; true when it reached it or may have (the connection dropped after the
 * request was written, it timed out later, the answer was a 5xx or unusable), so a write may have
 * committed whatever the shard failed to say.
 */
export type ShardResult =
  /** `text`: the answer as the shard sent it, from which a second reader of a shared answer parses its own copy. */
  | { ok: true; shard: Shard; body: GraphQLResponseBody; text?: string }
  | { ok: false; shard: Shard; reason: string; failure: ShardFailure; sent: boolean };

/** Sends one operation to one shard; never throws: a shard that cannot answer yields a reason. */
export type ShardTransport = (shard: Shard, subgraph: string, request: ShardRequest, headers: Record<string, string>) => Promise<ShardResult>;

/** 16 MiB: a page of 100 members with everything a query may nest under them stays far below. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface HttpTransportOptions {
  /** The largest answer read from a shard; beyond it the transfer is cut and the shard misbehaved. */
  maxResponseBytes?: number;
  /** TLS for shards on `https` URLs: trusted CAs (the system store when omitted) and a client certificate. */
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer };
}

/** A shard that could not be heard; `sent: false` only when the request certainly never left. */
export const unavailable = (shard: Shard, reason: string, sent = true): ShardResult => ({ ok: false, shard, reason, failure: 'unavailable', sent });
/**
 * A shard whose schema does not have what the gateway's document asks for. GraphQL validates
 * before it executes, so nothing of the request ran: `sent` is false, a write was not applied.
 */
export const schemaMismatch = (shard: Shard, reason: string): ShardResult => ({ ok: false, shard, reason, failure: 'schema-mismatch', sent: false });
/** A shard that answered what it may not: it got the request, so it is always `sent`. */
export const misbehaved = (shard: Shard, reason: string): ShardResult => ({ ok: false, shard, reason, failure: 'misbehaved', sent: true });

/** Whether a failed read is worth sending once more: one that misbehaved would do it again, and one that timed out would double the wait. */
export function isRetryable(result: Extract<ShardResult, { ok: false }>): boolean {
  return result.failure === 'unavailable' && !result.reason.startsWith('timed out');
}

/**
 * HTTP to `<shard>/<subgraph>/graphql`, bounded by the shard's timeout for the whole exchange (a
 * body that drips ends there too) and by `maxResponseBytes` while reading, so an endless or huge
 * body costs bounded memory. Over undici's connection pools, kept alive: a fan-out makes one
 * request per shard for every client request, and undici's client costs half the CPU of
 * `node:http`'s per exchange (and `fetch` several times more).
 */
export function createHttpTransport(options: HttpTransportOptions = {}): ShardTransport {
  return transportOver(createHttpPost(options));
}

/** The shard transport over one HTTP client: `<shard>/<subgraph>/graphql`. */
export function transportOver(post: HttpPost): ShardTransport {
  // One URL per deployment and subgraph, parsed once: the set of deployments is small.
  const urls = new Map<string, URL>();
  return (shard, subgraph, request, headers) => {
    const text = `${shard.baseUrl}/${subgraph}/graphql`;
    let url = urls.get(text);
    if (!url) urls.set(text, (url = new URL(text)));
    return post(shard, url, request, headers);
  };
}

/** Sends one operation to a GraphQL endpoint at `url`, on behalf of `shard`, whose timeout bounds it; never throws. */
export type HttpPost = (shard: Shard, url: URL, request: ShardRequest, headers: Record<string, string>) => Promise<ShardResult>;

/** The HTTP exchange under `createHttpTransport`, for any endpoint: the network subgraph's data source uses it too. */
export function createHttpPost(options: HttpTransportOptions = {}): HttpPost {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // TLS as `https.Agent` takes it: the system's CAs unless `ca` is given, a client certificate when the shard asks.
  const pools = new Agent({ connections: 256, connect: { ...(options.tls ?? {}) } });
  return (shard, url, request, headers) =>
    new Promise<ShardResult>((resolve) => {
      const exchange = new Exchange(shard, maxBytes, resolve);
      pools.dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
          body: requestBody(request),
          // The exchange's timer bounds it; undici's own timeouts would only say it later.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        exchange,
      );
    });
}

/**
 * One exchange with a shard, as undici's handler of it: it settles once (an answer, a failure, its
 * timeout, a cut), and reads nothing after. One object with methods rather than a closure per
 * event: the fan-out makes one per shard for every client request.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private settled = false;
  /**
   * Set once the whole request has been handed to the connection: before that the shard cannot
   * have read a complete request, so it cannot have acted on it. After it, it may have, even when
   * the connection drops at once (a kept-alive socket the shard closed meanwhile looks the same as
   * one it closed after committing).
   */
  private written = false;
  private abort: ((reason: Error) => void) | undefined;
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private status = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly shard: Shard,
    private readonly maxBytes: number,
    private readonly resolve: (result: ShardResult) => void,
  ) {
    this.timer = setTimeout(timeOut, shard.timeoutMs, this);
  }

  onConnect(cancel: (reason?: Error) => void): void {
    this.abort = cancel;
    // The exchange timed out before a connection took the request: it is not sent.
    if (this.settled) cancel(new Error(`the exchange with ${this.shard.name} timed out before it began`));
  }

  // The body is one buffer, written with the headers at once: once it is handed on, so is the request.
  onBodySent(): void {
    this.written = true;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null): boolean {
    this.status = statusCode;
    if (declaredLength(rawHeaders) > this.maxBytes) this.tooLarge();
    return !this.settled;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) this.tooLarge();
    else this.chunks.push(chunk);
    return !this.settled;
  }

  onComplete(): void {
    const { chunks } = this;
    this.finish(readAnswer(this.shard, this.status, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.bytes)));
  }

  onError(error: Error): void {
    this.finish(unavailable(this.shard, describeFailure(error, this.shard.timeoutMs), this.written && !isConnectFailure(error)));
  }

  timedOut(): void {
    this.cut(unavailable(this.shard, `timed out after ${this.shard.timeoutMs} ms`, this.written));
  }

  private tooLarge(): void {
    this.cut(misbehaved(this.shard, `answer too large: over ${this.maxBytes} bytes`));
  }

  private finish(result: ShardResult): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve(result);
  }

  /** Ends an exchange still under way (too slow, too large): its connection is closed, not reused. */
  private cut(result: ShardResult): void {
    this.finish(result);
    this.abort?.(new Error(`the exchange with ${this.shard.name} was cut: ${result.ok ? 'done' : result.reason}`));
  }
}

/** The timer's callback, one for every exchange: the exchange is its argument, not a closure's. */
function timeOut(exchange: Exchange): void {
  exchange.timedOut();
}

/** The Content-Length a shard's answer declares, from undici's raw header list; 0 when it declares none. */
function declaredLength(rawHeaders: Buffer[] | string[] | null | undefined): number {
  if (!rawHeaders) return 0;
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (String(rawHeaders[index]).toLowerCase() === 'content-length') return Number(String(rawHeaders[index + 1]));
  }
  return 0;
}

/**
 * Documents as JSON strings, by their text. A shard document is one of a few the router printed,
 * sent again with every request, so it is escaped once; only the variables are written per request.
 */
const QUOTED_DOCUMENTS = new Map<string, string>();
const MAX_QUOTED_DOCUMENTS = 2000;

/** The request as the JSON body GraphQL over HTTP takes: `{"query":…,"variables":…}`. */
export function requestBody(request: ShardRequest): string {
  let query = QUOTED_DOCUMENTS.get(request.query);
  if (query === undefined) {
    query = JSON.stringify(request.query);
    if (QUOTED_DOCUMENTS.size >= MAX_QUOTED_DOCUMENTS) QUOTED_DOCUMENTS.clear();
    QUOTED_DOCUMENTS.set(request.query, query);
  }
  let body = `{"query":${query}`;
  if (request.variables !== undefined) body += `,"variables":${JSON.stringify(request.variables)}`;
  if (request.operationName !== undefined) body += `,"operationName":${JSON.stringify(request.operationName)}`;
  return `${body}}`;
}

/** Over plain HTTP with the default bounds: what tests and the bench use unless they say otherwise. */
export const httpTransport: ShardTransport = createHttpTransport();

function readAnswer(shard: Shard, status: number, raw: Buffer): ShardResult {
  if (status >= 500) return unavailable(shard, `HTTP ${status}`);
  // Text that is not UTF-8 is refused rather than repaired: a repaired id could name another row.
  if (!isUtf8(raw)) return misbehaved(shard, `malformed UTF-8 (HTTP ${status})`);
  const text = raw.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return misbehaved(shard, `malformed JSON (HTTP ${status})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || (!('data' in body) && !('errors' in body))) {
    return misbehaved(shard, `not a GraphQL response (HTTP ${status})`);
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if ((data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) || (errors !== undefined && !isErrorList(errors))) {
    return misbehaved(shard, `not a GraphQL response (HTTP ${status})`);
  }
  return { ok: true, shard, body: body as GraphQLResponseBody, text };
}

/** Errors the router may read and pass on: each with a string message, a path of keys and indices, an object of extensions. */
function isErrorList(errors: unknown): boolean {
  if (!Array.isArray(errors)) return false;
  return errors.every((error) => {
    if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return false;
    const { path, extensions } = error as { path?: unknown; extensions?: unknown };
    if (path !== undefined && !(Array.isArray(path) && path.every((part) => typeof part === 'string' || Number.isInteger(part)))) return false;
    return extensions === undefined || (typeof extensions === 'object' && extensions !== null && !Array.isArray(extensions));
  });
}

/**
 * Failures of the connection itself, before any byte can have reached the shard. The request is
 * never marked written before them today; checked as well so that a refused connection is never
 * taken for a lost answer whatever the client's order of events.
 */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function isConnectFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECT_FAILURES.has(code);
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
