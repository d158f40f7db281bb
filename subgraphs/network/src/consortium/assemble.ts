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

/**
 * A partial proposal as a chain back to the lead (or to nothing): each link one slot's pick. No
 * set is copied per candidate tried; membership, per-cluster counts and regions are read off the
 * chain, which is at most a call's dozen members long.
 */
interface Partial {
  parent: Partial | null;
  /** The candidate this link adds; the root's is the lead, or null. */
  candidate: Candidate | { memberId: string; clusterId: string; region: string | null } | null;
  /** Its place in its role's ranking (-1 for the root). */
  index: number;
  score: number;
  /** One bit per distinct region reached so far. */
  regions: number;
  regionCount: number;
  /** Score plus the best the remaining slots could add: what the beam ranks by. */
  rank: number;
  /** The picks' member ids, made when a tie needs them. */
  ids?: string[];
}

function idsOf(partial: Partial): string[] {
  if (!partial.ids) partial.ids = partial.parent === null ? [] : [...idsOf(partial.parent), partial.candidate!.memberId];
  return partial.ids;
}

/** Equal ranks are ordered by the picks' member ids, slot by slot, by code point: the same everywhere. */
function idsCompare(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareCodePoints(a[index]!, b[index]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Whether `a` ranks before `b`. */
function ranksBefore(a: Partial, b: Partial): boolean {
  return a.rank !== b.rank ? a.rank > b.rank : idsCompare(idsOf(a), idsOf(b)) < 0;
}

function chainHas(partial: Partial | null, memberId: string): boolean {
  for (let link = partial; link; link = link.parent) if (link.candidate?.memberId === memberId) return true;
  return false;
}

function chainCount(partial: Partial | null, clusterId: string): number {
  let count = 0;
  for (let link = partial; link; link = link.parent) if (link.candidate?.clusterId === clusterId) count += 1;
  return count;
}

/** The best `width` partials seen, worst at the root, so that one worse than all of them costs nothing. */
class Beam {
  private readonly items: Partial[] = [];
  constructor(private readonly width: number) {}

  /** The partial a newcomer must rank before to be kept, once the beam is full. */
  get worst(): Partial | undefined {
    return this.items.length < this.width ? undefined : this.items[0];
  }

  offer(partial: Partial): void {
    const { items } = this;
    if (items.length < this.width) {
      items.push(partial);
      for (let at = items.length - 1; at > 0; ) {
        const up = (at - 1) >> 1;
        if (!ranksBefore(items[up]!, items[at]!)) break;
        [items[up], items[at]] = [items[at]!, items[up]!];
        at = up;
      }
      return;
    }
    if (!ranksBefore(partial, items[0]!)) return;
    items[0] = partial;
    for (let at = 0; ; ) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let worst = at;
      if (left < items.length && ranksBefore(items[worst]!, items[left]!)) worst = left;
      if (right < items.length && ranksBefore(items[worst]!, items[right]!)) worst = right;
      if (worst === at) break;
      [items[worst], items[at]] = [items[at]!, items[worst]!];
      at = worst;
    }
  }

  /** Best first. */
  sorted(): Partial[] {
    return [...this.items].sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  }
}

/**
 * Proposals that fill every role of a call with distinct members, ranked by the sum of their
 * scores, best first. A bounded beam search over the roles' slots in order: each slot takes a
 * candidate of its role later in that role's ranking than the slot before it (so one set of
 * members is one proposal, not its permutations), no member twice, no more than `maxPerCluster`
 * of a cluster, and only while the regions still reachable can make `minRegions`. Partials are
 * ranked by score plus the best the remaining slots could add, then by their members' ids, so the
 * result depends on the candidates alone: the same candidates give the same proposals on every
 * network. A role's candidates come best first, so once one cannot enter the beam, none after it
 * can. `first` proposals at most; none when a role cannot be filled.
 */
export function assembleConsortia(rules: CallRules, candidates: ReadonlyArray<readonly Candidate[]>, first: number): Proposal[] {
  const slots = rules.roles.flatMap((role, index) => Array.from({ length: role.count }, (_, nth) => ({ role: index, nth })));
  const best = rules.roles.map((_, index) => Math.max(0, ...(candidates[index] ?? []).map((candidate) => candidate.score)));
  const bit = new Map<string, number>();
  const regionBit = (region: string | null) => {
    if (region === null) return 0;
    if (!bit.has(region)) bit.set(region, 1 << bit.size);
    return bit.get(region)!;
  };
  const lead = rules.lead;
  const leadRegion = lead ? regionBit(lead.region) : 0;
  // The lead is no pick: the chain's root holds it only for the checks.
  let beam: Partial[] = [{ parent: null, candidate: lead, index: -1, score: 0, regions: leadRegion, regionCount: leadRegion ? 1 : 0, rank: 0, ids: [] }];
  // Best first, as a ranking gives them; a stable sort leaves such a list as it is.
  const pools = candidates.map((pool) => [...pool].sort((a, b) => b.score - a.score));
  for (const [position, slot] of slots.entries()) {
    const remaining = slots.length - position - 1;
    const bound = slots.slice(position + 1).reduce((sum, next) => sum + best[next.role]!, 0);
    const next = new Beam(BEAM_WIDTH);
    const pool = pools[slot.role] ?? [];
    for (const partial of beam) {
      for (let index = slot.nth === 0 ? 0 : partial.index + 1; index < pool.length; index++) {
        const candidate = pool[index]!;
        const rank = partial.score + candidate.score + bound;
        const worst = next.worst;
        // Every later candidate scores no more: none of them can enter either.
        if (worst && rank < worst.rank) break;
        if (chainHas(partial, candidate.memberId)) continue;
        if (rules.maxPerCluster !== null && chainCount(partial, candidate.clusterId) >= rules.maxPerCluster) continue;
        const flag = regionBit(candidate.region);
        const fresh = flag !== 0 && (partial.regions & flag) === 0;
        const regionCount = partial.regionCount + (fresh ? 1 : 0);
        if (regionCount + remaining < rules.minRegions) continue;
        next.offer({ parent: partial, candidate, index, score: partial.score + candidate.score, regions: partial.regions | flag, regionCount, rank });
      }
    }
    beam = next.sorted();
    if (beam.length === 0) return [];
  }
  return beam
    .filter((partial) => partial.regionCount >= rules.minRegions)
    .slice(0, first)
    .map((partial) => toProposal(partial, slots, rules));
}

function toProposal(partial: Partial, slots: ReadonlyArray<{ role: number }>, rules: CallRules): Proposal {
  const chosen: Candidate[] = [];
  for (let link: Partial | null = partial; link && link.parent; link = link.parent) chosen.unshift(link.candidate as Candidate);
  const roles = rules.roles.map((role) => ({ label: role.label, members: [] as string[] }));
  chosen.forEach((candidate, position) => roles[slots[position]!.role]!.members.push(candidate.memberId));
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareCodePoints);
  const regions = [...(rules.lead?.region ? [rules.lead.region] : []), ...chosen.flatMap((candidate) => (candidate.region ? [candidate.region] : []))];
  return {
    score: partial.score,
    roles,
    covers: {
      competences: inListOrder('AREA', chosen.flatMap((candidate) => candidate.areas)),
      regions: sorted(regions),
      clusters: sorted([...(rules.lead ? [rules.lead.clusterId] : []), ...chosen.map((candidate) => candidate.clusterId)]),
    },
  };
}
