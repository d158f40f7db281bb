import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { argumentInRange, argumentText, rejectArgument } from '../../../../shared/argument-checks';
import type { NetworkContext } from '../context';
import { assembleConsortia, type CallRules } from './assemble';
import { CallInput } from './call.inputs';
import { ConsortiumProposal } from './consortium.type';

/** How many of each role's best matches the search considers. */
export const CANDIDATES_PER_ROLE = 40;
const MAX_ROLES = 8;
const MAX_PER_ROLE = 5;
const MAX_MEMBERS = 12;
const MAX_PROPOSALS = 10;

/** The call's rules, checked before anything is asked of the clusters. */
function checkedCall(call: CallInput): CallInput {
  rejectArgument(call.roles.length === 0 || call.roles.length > MAX_ROLES, 'call.roles', `must hold 1 to ${MAX_ROLES} roles, not ${call.roles.length}`);
  const labels = new Set<string>();
  call.roles.forEach((role, index) => {
    const label = argumentText(role.label, `call.roles.${index}.label`, 60);
    rejectArgument(labels.has(label), `call.roles.${index}.label`, `names another role too: ${JSON.stringify(label)}`);
    labels.add(label);
    rejectArgument(role.competences.length === 0, `call.roles.${index}.competences`, 'must name at least one competence area');
    argumentInRange(role.count, `call.roles.${index}.count`, 1, MAX_PER_ROLE);
  });
  const members = call.roles.reduce((sum, role) => sum + role.count, 0);
  rejectArgument(members > MAX_MEMBERS, 'call.roles', `ask ${members} members in all, more than the ${MAX_MEMBERS} a proposal may hold`);
  argumentInRange(call.minRegions, 'call.minRegions', 1, 8);
  if (call.maxPerCluster !== null && call.maxPerCluster !== undefined) argumentInRange(call.maxPerCluster, 'call.maxPerCluster', 1, MAX_MEMBERS + 1);
  return call;
}

@Resolver()
export class ConsortiumResolver {
  @Query(() => [ConsortiumProposal], {
    description:
      'Consortia for a call: each role filled with distinct members from the network\u2019s partner search, within the call\u2019s rules, best first (the sum of the members\u2019 scores, ties by their ids). Assembled by the network subgraph from what the gateway\u2019s partnerSearch answers the caller.',
  })
  async consortium(
    @Ctx() context: NetworkContext,
    @Arg('call', () => CallInput) call: CallInput,
    @Arg('first', () => Int, { nullable: true, description: 'Proposals at most: 3 by default, at most 10.' }) first?: number | null,
  ): Promise<ConsortiumProposal[]> {
    const wanted = argumentInRange(first ?? 3, 'first', 0, MAX_PROPOSALS);
    checkedCall(call);
    const found = await context.candidates({
      needs: call.roles.map((role) => ({ competences: role.competences, certifications: role.certifications ?? null, programmes: role.programmes ?? null, kinds: role.kinds ?? null })),
      first: CANDIDATES_PER_ROLE,
      clusters: call.clusters ?? null,
      lead: call.lead ?? null,
      ...(context.authorization ? { authorization: context.authorization } : {}),
    });
    const rules: CallRules = {
      roles: call.roles.map((role) => ({ label: role.label.trim(), count: role.count })),
      minRegions: call.minRegions,
      maxPerCluster: call.maxPerCluster ?? null,
      lead: found.lead,
    };
    const proposals = assembleConsortia(rules, found.roles, wanted);
    const clusters = await Promise.all([...new Set(proposals.flatMap((proposal) => proposal.covers.clusters))].map(async (id) => [id, await context.clusters.load(id)] as const));
    const byId = new Map(clusters);
    return proposals.map((proposal) => ({
      score: proposal.score,
      lead: found.lead ? { id: found.lead.memberId } : null,
      roles: proposal.roles.map((role) => ({ label: role.label, members: role.members.map((id) => ({ id })) })),
      covers: {
        competences: proposal.covers.competences as ConsortiumProposal['covers']['competences'],
        regions: proposal.covers.regions as ConsortiumProposal['covers']['regions'],
        // A cluster the registry no longer lists is left out of the names, not of the members.
        clusters: proposal.covers.clusters.flatMap((id) => {
          const cluster = byId.get(id);
          return cluster ? [cluster] : [];
        }),
      },
    }));
  }
}
