import type { AssertionSigner } from '../../../shared/auth/gateway-assertion';
import { sdlHash } from '../../../shared/schema-version';
import { shardedSubgraphUrl, type ShardedSubgraphName } from '../../../shared/sharded-subgraphs';
import { boundedText, MAX_HEALTH_BYTES, parsedOrNull } from '../bounded-body';
import { programOf } from '../shard-probe';
import type { RegistryEntry } from '../shard-router/shard-set';
import { fetchSdl } from './registry-client';
import { missingFrom } from './schema-coverage';

/** How long a deployment about to take traffic has to answer each question. */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Whether a cluster's deployment at a new URL (a cluster just registered, or moved) may take the
 * cluster's traffic: its `/health` answers and names the cluster, and for each sharded subgraph it
 * serves the schema the gateway sends queries for, or more. Returns null when it may, otherwise why
 * not, in words for `/health` and the log.
 */
export type DeploymentCheck = (entry: RegistryEntry) => Promise<string | null>;

/** `schemas`: each sharded subgraph's SDL as the gateway serves it. */
export function createDeploymentCheck(schemas: () => ReadonlyMap<ShardedSubgraphName, string>, sign: AssertionSigner): DeploymentCheck {
  return async (entry) => {
    let health: unknown;
    try {
      const response = await fetch(`${entry.url}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      if (!response.ok) return `its /health answered HTTP ${response.status}`;
      health = parsedOrNull(await boundedText(response, MAX_HEALTH_BYTES));
    } catch (error) {
      return `its /health did not answer (${error instanceof Error ? error.message : String(error)})`;
    }
    const clusters = (health as { clusters?: unknown } | null)?.clusters;
    if (!Array.isArray(clusters) || !clusters.includes(entry.id)) return `its /health does not name cluster ${JSON.stringify(entry.id)} among the clusters it serves`;
    const reported = programOf(health).schemas ?? {};
    for (const [subgraph, needed] of schemas()) {
      // The same hash is the same SDL: nothing to fetch.
      if (reported[subgraph] === sdlHash(needed)) continue;
      let served: string;
      try {
        served = await fetchSdl(shardedSubgraphUrl(entry.url, subgraph), sign, [entry.id]);
      } catch (error) {
        return `its ${subgraph} schema could not be read (${error instanceof Error ? error.message : String(error)})`;
      }
      const missing = missingFrom(needed, served);
      if (missing.length > 0) return `its ${subgraph} schema lacks what the network serves: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`;
    }
    return null;
  };
}
