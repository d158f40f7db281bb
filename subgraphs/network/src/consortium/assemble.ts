import { inListOrder } from '../../../../shared/competences';
import { compareCodePoints } from '../../../../shared/sort-key';

/** A member a role may take: one match of the role's partner search, in its ranking's order. */
export interface Candidate {
  memberId: string;
  clusterId: string;
  region: string | null;
  score: number;
  /** What of the role's competences it brings. */
  areas: readonly string[];
}

export interface RoleSlots {
  label: string;
  count: number;
}

export interface CallRules {
  roles: readonly RoleSlots[];
  /** Distinct development regions the consortium spans at least, the lead's included. */
  minRegions: number;
  /** Members of one cluster at most, the lead's included; no bound when null. */
  maxPerCluster: number | null;
  /** The member leading the call, counted in the regions and clusters, never given a role. */
  lead: { memberId: string; clusterId: string; region: string | null } | null;
}

export interface Proposal {
  score: number;
  roles: Array<{ label: string; members: string[] }>;
  /** Competences in their enum's order; regions and clusters by code point. */
  covers: { competences: string[]; regions: string[]; clusters: string[] };
}

/** Partial proposals kept after each slot: enough for the best few, small enough to stay fast. */
const BEAM_WIDTH = 256;

interface Partial {
  /** The candidate index picked for each slot so far. */
  picks: number[];
  used: ReadonlySet<string>;
  perCluster: ReadonlyMap<string, number>;
  regions: ReadonlySet<string>;
  score: number;
  /** The picks' member ids, for ordering equal scores the same way everywhere. */
  key: string;
}

/**
 * Proposals that fill every role of a call with distinct members, ranked by the sum of their
 * scores, best first. A bounded beam search over the roles' slots in order: each slot takes a
 * candidate of its role later in that role's ranking than the slot before it (so one set of
 * members is one proposal, not its permutations), no member twice, no more than `maxPerCluster`
 * of a cluster, and only while the regions still reachable can make `minRegions`. Partials are
 * ranked by score plus the best the remaining slots could add, then by their members' ids, so the
 * result depends on the candidates alone: the same candidates give the same proposals on every
 * network. `first` proposals at most; none when a role cannot be filled.
 */
export function assembleConsortia(rules: CallRules, candidates: ReadonlyArray<readonly Candidate[]>, first: number): Proposal[] {
  const slots = rules.roles.flatMap((role, index) => Array.from({ length: role.count }, (_, nth) => ({ role: index, nth })));
  const best = rules.roles.map((_, index) => candidates[index]?.[0]?.score ?? 0);
  const lead = rules.lead;
  let beam: Partial[] = [
    {
      picks: [],
      used: new Set(lead ? [lead.memberId] : []),
      perCluster: new Map(lead ? [[lead.clusterId, 1]] : []),
      regions: new Set(lead?.region ? [lead.region] : []),
      score: 0,
      key: '',
    },
  ];
  for (const [position, slot] of slots.entries()) {
    const remaining = slots.slice(position + 1);
    const bound = remaining.reduce((sum, next) => sum + best[next.role]!, 0);
    const next: Array<Partial & { rank: number }> = [];
    for (const partial of beam) {
      const start = slot.nth === 0 ? 0 : partial.picks[position - 1]! + 1;
      const pool = candidates[slot.role] ?? [];
      for (let index = start; index < pool.length; index++) {
        const candidate = pool[index]!;
        if (partial.used.has(candidate.memberId)) continue;
        const inCluster = partial.perCluster.get(candidate.clusterId) ?? 0;
        if (rules.maxPerCluster !== null && inCluster >= rules.maxPerCluster) continue;
        const regions = candidate.region && !partial.regions.has(candidate.region) ? new Set([...partial.regions, candidate.region]) : partial.regions;
        if (regions.size + remaining.length < rules.minRegions) continue;
        const score = partial.score + candidate.score;
        next.push({
          picks: [...partial.picks, index],
          used: new Set([...partial.used, candidate.memberId]),
          perCluster: new Map([...partial.perCluster, [candidate.clusterId, inCluster + 1]]),
          regions,
          score,
          key: `${partial.key}\n${candidate.memberId}`,
          rank: score + bound,
        });
      }
    }
    next.sort((a, b) => b.rank - a.rank || compareCodePoints(a.key, b.key));
    beam = next.slice(0, BEAM_WIDTH);
    if (beam.length === 0) return [];
  }
  return beam
    .filter((partial) => partial.regions.size >= rules.minRegions)
    .sort((a, b) => b.score - a.score || compareCodePoints(a.key, b.key))
    .slice(0, first)
    .map((partial) => toProposal(partial, slots, rules, candidates));
}

function toProposal(partial: Partial, slots: ReadonlyArray<{ role: number }>, rules: CallRules, candidates: ReadonlyArray<readonly Candidate[]>): Proposal {
  const chosen = partial.picks.map((index, position) => candidates[slots[position]!.role]![index]!);
  const roles = rules.roles.map((role) => ({ label: role.label, members: [] as string[] }));
  chosen.forEach((candidate, position) => roles[slots[position]!.role]!.members.push(candidate.memberId));
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareCodePoints);
  return {
    score: partial.score,
    roles,
    covers: {
      competences: inListOrder('AREA', chosen.flatMap((candidate) => candidate.areas)),
      regions: sorted(partial.regions),
      clusters: sorted([...(rules.lead ? [rules.lead.clusterId] : []), ...chosen.map((candidate) => candidate.clusterId)]),
    },
  };
}
