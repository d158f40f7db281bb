import { composeServices } from '@apollo/composition';
import { Kind, parse } from 'graphql';
import { NETWORK_SUBGRAPH, SHARDED_SUBGRAPHS, shardedSubgraphUrl, type ShardedSubgraphName } from '../../shared/sharded-subgraphs';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export interface SupergraphSubgraph {
  name: string;
  url: string;
}

/**
 * Composes the network subgraph and the three sharded ones into the supergraph. Each sharded
 * subgraph appears once, at the URL of one shard: any shard would do, since all serve one schema,
 * and a stock gateway given this file reaches that one cluster.
 */
export function composeSupergraph(sources: readonly SubgraphSource[]): string {
  const composition = composeServices(sources.map((source) => ({ name: source.name, url: source.url, typeDefs: parse(source.sdl) })));
  if (composition.errors) {
    throw new Error(`The subgraphs do not compose:\n  ${composition.errors.map((e) => e.message).join('\n  ')}`);
  }
  return composition.supergraphSdl;
}

/** The subgraphs a supergraph file names, with their URLs (`@join__graph(name:, url:)`). */
export function supergraphSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const argument = (name: string) => {
        const node = graph?.arguments?.find((a) => a.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : undefined;
      };
      const name = argument('name');
      const url = argument('url');
      if (name && url !== undefined) subgraphs.push({ name, url });
    }
  }
  return subgraphs;
}

export function isShardedSubgraph(name: string): name is ShardedSubgraphName {
  return (SHARDED_SUBGRAPHS as readonly string[]).includes(name);
}

/** The base URL of the deployment behind a sharded subgraph's URL (`…/members/graphql`). */
export function deploymentBaseUrl(subgraph: ShardedSubgraphName, url: string): string {
  const suffix = shardedSubgraphUrl('', subgraph);
  return url.endsWith(suffix) ? url.slice(0, -suffix.length) : url.replace(/\/+$/, '');
}

export { NETWORK_SUBGRAPH };
