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

/** HTTP to `<shard>/<subgraph>/graphql`, bounded by the shard's timeout. */
export const httpTransport: ShardTransport = async (shard, subgraph, request, headers) => {
  const url = `${shard.baseUrl}/${subgraph}/graphql`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(shard.timeoutMs),
    });
  } catch (error) {
    return { ok: false, shard, reason: describeFailure(error, shard.timeoutMs) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, shard, reason: describeFailure(error, shard.timeoutMs) };
  }
  if (response.status >= 500) return { ok: false, shard, reason: `HTTP ${response.status}` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, shard, reason: `malformed response (HTTP ${response.status})` };
  }
  if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body))) {
    return { ok: false, shard, reason: `malformed response (HTTP ${response.status})` };
  }
  return { ok: true, shard, body: body as GraphQLResponseBody };
};

/**
 * A short reason for a failed request. Read by shape, not by class: a timeout is a DOMException,
 * and errors may come from another realm, where `instanceof Error` is false.
 */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (typeof error !== 'object' || error === null) return 'unknown failure';
  const { name, message, cause } = error as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (typeof cause?.code === 'string') return `network error ${cause.code}`;
  if (typeof cause?.message === 'string') return `network error: ${cause.message}`;
  return typeof message === 'string' ? message : 'unknown failure';
}
