import { DEFAULT_PROTECTION, type GatewayProtection } from './gateway-protection';
import type { MeasuredLimits } from './limits/operation-limits';

/**
 * Every subgraph's own limits: defence in depth behind the gateway's. A subgraph trusts the gateway's
 * assertion that a request is the gateway's, not that the gateway is sound: a gateway that is
 * compromised or has a bug must not be able to make one request cost a cluster more than the
 * gateway would let a client ask for. Read by config, applied by each cluster deployment and by the
 * network subgraph.
 */
export interface SubgraphProtection {
  limits: MeasuredLimits;
  /** Tokens the operation's text may hold; parsing stops beyond it (GRAPHQL_PARSE_FAILED). */
  maxTokens: number;
  bodyLimitBytes: number;
  /** How long one GraphQL request may run before it is answered with DEADLINE_EXCEEDED and its SQL stopped. */
  requestDeadlineMs: number;
}

/** What a subgraph adds to the gateway's settings: its own cap on entities, and its deadline. */
export interface SubgraphSettings {
  /** `_entities` representations one request may carry. */
  maxEntities: number;
  requestDeadlineMs: number;
}

/**
 * 4000 entities: the gateway sends one shard the representations of every reference on a page that
 * it owns: a page of 100 projects with leads, partners and engagements is a few hundred; the longest
 * lists of references in the data set are events' registrations (3,092 in the whole network, 23 an
 * event), all of which a page of 100 events may hand the one-database deployment (the test suites
 * saw up to 1,323 in one request). A request beyond it is answered QUERY_TOO_COMPLEX, which the
 * gateway hands the client as it is: ask for a smaller page.
 * 10 s: twice the gateway's default shard timeout (5 s), so a request the gateway still waits for is
 * never cut here, while one the gateway has given up on stops holding the cluster's database.
 */
export const DEFAULT_SUBGRAPH_SETTINGS: Readonly<SubgraphSettings> = { maxEntities: 4000, requestDeadlineMs: 10_000 };

/**
 * The router's helper fields (cursors, page info, group keys, the sums and counts behind averages)
 * are aliased with this prefix. It must match `HELPER_PREFIX` in gateway/src/shard-router/merge.ts,
 * which a test checks: subgraphs may not import the gateway.
 */
export const ROUTER_HELPER_ALIAS_PREFIX = '__sr_';

/**
 * The gateway's own request to a subgraph is built from the client's operation, so a subgraph holds
 * it to the client's limits with the room the gateway's building needs, and no more:
 * - depth +1: an entity fetch puts `_entities` above the entity's own fields (the router's helpers
 *   under a root connection, `__sr_edges { __sr_cursor }`, reach depth 3 only);
 * - aliases as many, not counting the router's helpers (`__sr_…`): it adds a handful per merged
 *   field (each connection gets four), so counting them would refuse honest pages, and what a forged
 *   helper could ask for is still bounded by the depth, fields, cost, tokens and deadline;
 * - fields and tokens ×4: the planner adds `__typename` and key fields at every entity boundary and
 *   wraps each fetch in `_entities(representations: …) { … on Type { … } }`, and the router adds its
 *   helpers and inlines named fragments where they are needed, so a subgraph's operation can hold
 *   more of both than the client's did;
 * - cost ×4: the client's cost counts plain lists by their estimated sizes, while an entity fetch
 *   counts the representations really sent, which for lists longer than estimated (a member with
 *   many projects) is more;
 * - the body limit as it is: the gateway sends the client's query and variables and the
 *   representations, and a full cap of them with the longest ids is about 200 KB, inside it.
 * A deployment whose gateway is given higher MAX_QUERY_* limits must be given them too.
 */
export function subgraphProtection(gateway: GatewayProtection, settings: SubgraphSettings): SubgraphProtection {
  return {
    limits: {
      maxDepth: gateway.limits.maxDepth + 1,
      maxAliases: gateway.limits.maxAliases,
      maxFields: gateway.limits.maxFields * 4,
      maxCost: gateway.limits.maxCost * 4,
      maxEntities: settings.maxEntities,
      countsAlias: (alias) => !alias.startsWith(ROUTER_HELPER_ALIAS_PREFIX),
    },
    maxTokens: gateway.maxTokens * 4,
    bodyLimitBytes: gateway.bodyLimitBytes,
    requestDeadlineMs: settings.requestDeadlineMs,
  };
}

export const DEFAULT_SUBGRAPH_PROTECTION: SubgraphProtection = subgraphProtection(DEFAULT_PROTECTION, DEFAULT_SUBGRAPH_SETTINGS);
