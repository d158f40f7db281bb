// type-graphql reads decorator metadata through the Reflect API; it must exist before any decorator runs.
import 'reflect-metadata';

export { openNetworkDatabase } from './db/network-data-source';
export { seedNetwork, type SeedNetworkOptions } from './seed/seed-network';
export { createNetworkSubgraph, JWKS_PATH, type NetworkSubgraph, type NetworkSubgraphOptions } from './network-subgraph';
