import { GATEWAY_ASSERTION_HEADER, NETWORK_AUDIENCE, type AssertionSigner } from '../../../shared/auth/gateway-assertion';
import type { RegistryEntry, Shard } from '../shard-router/shard-set';
import { SHARDED_SUBGRAPHS, shardedSubgraphUrl } from '../../../shared/sharded-subgraphs';
import type { DeploymentSchemas } from './network-schema';
import { boundedText, parsedOrNull } from '../bounded-body';

/**
 * A registry read or a subgraph's SDL is tens of KiB. A deployment is another organisation's
 * server: past this its answer is not read further, so a huge or endless body costs bounded memory.
 */
export const MAX_CONTROL_ANSWER_BYTES = 4 * 1024 * 1024;

/** POSTs a query with the gateway's assertion for `audience` and returns `data`, throwing on transport or GraphQL errors. */
export async function postQuery(url: string, query: string, sign: AssertionSigner, audience: readonly string[]): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: await sign(audience) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await boundedText(response, MAX_CONTROL_ANSWER_BYTES);
  if (text === null) throw new Error(`${url} answered HTTP ${response.status} with a body over ${MAX_CONTROL_ANSWER_BYTES} bytes: not read further`);
  const parsed = parsedOrNull(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${url} answered HTTP ${response.status} with a body that is not a JSON object`);
  const body = parsed as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${url} answered HTTP ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}

/** The registry as one read gives it: its revision and the clusters of the network (retired ones are not listed). */
export interface RegistryRead {
  revision: number;
  entries: RegistryEntry[];
}

/** The cluster registry, as the network subgraph holds it. */
export async function fetchRegistry(networkUrl: string, sign: AssertionSigner): Promise<RegistryRead> {
  const data = await postQuery(networkUrl, '{ registryRevision clusters { id url status } }', sign, [NETWORK_AUDIENCE]);
  const entries = (data.clusters as Array<{ id: string; url: string; status: string }>).map(({ id, url, status }) => ({ id, url, status: status === 'SUSPENDED' ? ('SUSPENDED' as const) : ('ACTIVE' as const) }));
  return { revision: Number(data.registryRevision), entries };
}

/** A subgraph's SDL; `audience`: the clusters of the deployment asked, or the network. */
export async function fetchSdl(url: string, sign: AssertionSigner, audience: readonly string[]): Promise<string> {
  const data = await postQuery(url, '{ _service { sdl } }', sign, audience);
  const sdl = (data._service as { sdl?: unknown } | null)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} answered no SDL`);
  return sdl;
}

/** Each logical subgraph's SDL as one deployment serves it. */
export async function fetchDeploymentSchemas(shard: Shard, sign: AssertionSigner): Promise<DeploymentSchemas> {
  const sdls = await Promise.all(SHARDED_SUBGRAPHS.map(async (name) => [name, await fetchSdl(shardedSubgraphUrl(shard.baseUrl, name), sign, shard.clusterIds)] as const));
  return { shard: shard.name, sdl: new Map(sdls) };
}

/** Retries `attempt` until it succeeds or `waitMs` have passed: subgraphs may still be starting. */
export async function retryUntil<T>(what: string, waitMs: number, attempt: () => Promise<T>, onRetry: (error: unknown) => void): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + delay > deadline) {
        throw new Error(`${what} failed for ${waitMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
      onRetry(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The clusters a cluster deployment serves, from its `/health` answer. */
export async function fetchClusterIds(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/health`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { clusters?: unknown };
  if (!response.ok || !Array.isArray(body.clusters) || body.clusters.length === 0) {
    throw new Error(`${baseUrl}/health answered HTTP ${response.status} without a list of clusters`);
  }
  return body.clusters.map(String);
}
