import { GraphQLError } from 'graphql';
import { graphQLError, isRegisteredCode, networkUnavailable } from '../../../../shared/errors';
import type { Candidate } from './assemble';

/** What one role asks of a partner, as `partnerSearch` takes it. */
export interface RoleNeed {
  competences: readonly string[];
  certifications?: readonly string[] | null;
  programmes?: readonly string[] | null;
  kinds?: readonly string[] | null;
}

export interface CandidateRequest {
  needs: readonly RoleNeed[];
  /** Candidates asked per role. */
  first: number;
  clusters?: readonly string[] | null;
  /** The member leading the call, read too. */
  lead?: string | null;
  /** The caller's `Authorization`, so that what they may see is what the search sees. */
  authorization?: string;
}

export interface Candidates {
  roles: Candidate[][];
  lead: { memberId: string; clusterId: string; region: string | null } | null;
}

/** Finds each role's candidates; throws a GraphQL error when some cluster's matches could not be had. */
export type CandidateSource = (request: CandidateRequest) => Promise<Candidates>;

interface MatchNode {
  score: number;
  matched: { areas: string[] };
  member: { id: string; region: string | null; cluster: { id: string } };
}

type SearchAnswer = {
  data?: Record<string, { edges: Array<{ node: MatchNode }> } | { id: string; region: string | null; cluster: { id: string } } | null> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};

function unavailable(reason: string): GraphQLError {
  const failure = networkUnavailable(reason);
  return new GraphQLError(failure.message, { extensions: failure.extensions });
}

/** Every role's `partnerSearch` in one operation, each under an alias of its own, and the lead. */
export function candidatesOperation(request: CandidateRequest): { query: string; variables: Record<string, unknown> } {
  const declared = request.needs.map((_, index) => `$need${index}: PartnerNeed!`);
  const fields = request.needs.map(
    (_, index) => `role${index}: partnerSearch(need: $need${index}, first: $first, clusters: $clusters) { edges { node { score matched { areas } member { id region cluster { id } } } } }`,
  );
  if (request.lead) fields.push('lead: member(id: $lead) { id region cluster { id } }');
  const query = `query ConsortiumCandidates(${[...declared, '$first: Int', '$clusters: [ID!]', ...(request.lead ? ['$lead: ID!'] : [])].join(', ')}) { ${fields.join(' ')} }`;
  const variables: Record<string, unknown> = { first: request.first, clusters: request.clusters ?? null, ...(request.lead ? { lead: request.lead } : {}) };
  request.needs.forEach((need, index) => {
    variables[`need${index}`] = { competences: need.competences, certifications: need.certifications ?? null, programmes: need.programmes ?? null, kinds: need.kinds ?? null };
  });
  return { query, variables };
}

/**
 * Candidates from the network's own partner search, through its gateway at `gatewayUrl`: the
 * gateway merges every cluster's ranking, so the network subgraph needs no cluster's data of its
 * own. An answer missing a cluster's matches is not assembled from: the error is passed on.
 */
export function gatewayCandidates(gatewayUrl: () => string | undefined, timeoutMs = 10_000): CandidateSource {
  return async (request) => {
    const url = gatewayUrl();
    if (!url) throw unavailable('no gateway is configured for the network subgraph to search partners through (GATEWAY_URL)');
    const operation = candidatesOperation(request);
    let answer: SearchAnswer;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(request.authorization ? { authorization: request.authorization } : {}) },
        body: JSON.stringify(operation),
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = (await response.json()) as SearchAnswer;
    } catch (error) {
      throw unavailable(`the network's partner search did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const failed = answer.errors?.[0];
    if (failed) {
      const code = isRegisteredCode(failed.extensions?.code) ? failed.extensions.code : 'INTERNAL_SERVER_ERROR';
      const { code: _code, ...details } = failed.extensions ?? {};
      throw graphQLError(code, `Consortia are assembled from every cluster's matches, and some could not be had: ${failed.message}`, details);
    }
    const data = answer.data ?? {};
    const roles = request.needs.map((_, index) => {
      const connection = data[`role${index}`] as { edges: Array<{ node: MatchNode }> } | null | undefined;
      return (connection?.edges ?? []).map(({ node }) => ({ memberId: node.member.id, clusterId: node.member.cluster.id, region: node.member.region, score: node.score, areas: node.matched.areas }));
    });
    const leadMember = data.lead as { id: string; region: string | null; cluster: { id: string } } | null | undefined;
    if (request.lead && !leadMember) throw graphQLError('BAD_USER_INPUT', `lead: there is no member ${JSON.stringify(request.lead)}`, { field: 'call.lead' });
    return { roles, lead: leadMember ? { memberId: leadMember.id, clusterId: leadMember.cluster.id, region: leadMember.region } : null };
  };
}
