import { NETWORK_SUBGRAPH, SHARDED_SUBGRAPHS, shardedSubgraphUrl, type ShardedSubgraphName } from '../../../shared/sharded-subgraphs';
import { composeSupergraph } from '../supergraph';
import { missingContract } from './core-contract';
import { intersectSdl } from './schema-intersection';

/** What one deployment serves: each logical subgraph's SDL. */
export interface DeploymentSchemas {
  /** The shard's name (the first cluster it serves). */
  shard: string;
  sdl: ReadonlyMap<ShardedSubgraphName, string>;
}

/** The schema the network serves, from what its deployments serve. */
export interface NetworkSchema {
  supergraphSdl: string;
  /** Each sharded subgraph's SDL as the network serves it: what every deployment taking part serves. */
  shardedSdl: Map<ShardedSubgraphName, string>;
  /** Deployments left out of the schema, and why: they lack part of the core contract. */
  excluded: ReadonlyMap<string, string>;
}

export interface NetworkSubgraphSource {
  url: string;
  sdl: string;
}

/**
 * The network's schema: for each sharded subgraph, the part every deployment serves (a cluster ahead
 * adds nothing until all have it; one behind takes out only what it lacks), composed with the
 * network subgraph. A deployment that lacks part of the core contract is left out instead, so the
 * contract never shrinks. `shardUrl`: the deployment the supergraph names for a stock gateway.
 */
export function composeNetworkSchema(network: NetworkSubgraphSource, shardUrl: string, deployments: readonly DeploymentSchemas[]): NetworkSchema {
  const excluded = new Map<string, string>();
  const taking = deployments.filter((deployment) => {
    const missing = missingContract([...deployment.sdl.values()]);
    if (missing.length > 0) excluded.set(deployment.shard, `its schema lacks part of the network's core contract: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    return missing.length === 0;
  });
  if (taking.length === 0) throw new Error(`no cluster deployment serves the network's core contract (${[...excluded].map(([shard, reason]) => `${shard}: ${reason}`).join('; ')})`);
  const shardedSdl = new Map<ShardedSubgraphName, string>();
  for (const name of SHARDED_SUBGRAPHS) shardedSdl.set(name, intersectSdl(taking.map((deployment) => deployment.sdl.get(name)!)));
  const supergraphSdl = composeSupergraph([
    { name: NETWORK_SUBGRAPH, url: network.url, sdl: network.sdl },
    ...SHARDED_SUBGRAPHS.map((name) => ({ name, url: shardedSubgraphUrl(shardUrl, name), sdl: shardedSdl.get(name)! })),
  ]);
  return { supergraphSdl, shardedSdl, excluded };
}
