import fc from 'fast-check';
import { assembleConsortia, type Candidate, type CallRules } from '../consortium/assemble';

const candidate = (memberId: string, score: number, region: string | null = 'VEST', areas: string[] = ['AI_DATA']): Candidate => ({
  memberId,
  clusterId: memberId.split(':')[0]!,
  region,
  score,
  areas,
});

const rules = (roles: Array<[string, number]>, extra: Partial<CallRules> = {}): CallRules => ({
  roles: roles.map(([label, count]) => ({ label, count })),
  minRegions: 1,
  maxPerCluster: null,
  lead: null,
  ...extra,
});

describe('assembling consortia from candidates', () => {
  it('fills each role with distinct members, the best sums first, equal sums by their members\u2019 ids', () => {
    const ai = [candidate('banat:1', 2000), candidate('banat:2', 1000), candidate('iasi:3', 1000)];
    const cyber = [candidate('banat:1', 1000), candidate('cluj:4', 1000)];
    const proposals = assembleConsortia(rules([['AI', 1], ['Cyber', 1]]), [ai, cyber], 5);
    expect(proposals.map((p) => [p.score, p.roles.map((r) => r.members)])).toEqual([
      [3000, [['banat:1'], ['cluj:4']]],
      [2000, [['banat:2'], ['banat:1']]],
      [2000, [['banat:2'], ['cluj:4']]],
      [2000, [['iasi:3'], ['banat:1']]],
      [2000, [['iasi:3'], ['cluj:4']]],
    ]);
  });

  it('takes a set of members for a role once, not each of its orders', () => {
    const pool = [candidate('a:1', 3), candidate('a:2', 2), candidate('a:3', 1)];
    const proposals = assembleConsortia(rules([['Two', 2]]), [pool], 10);
    expect(proposals.map((p) => p.roles[0]!.members)).toEqual([['a:1', 'a:2'], ['a:1', 'a:3'], ['a:2', 'a:3']]);
  });

  it('keeps the members of one cluster within maxPerCluster, the lead counted in', () => {
    const pool = [candidate('banat:1', 30), candidate('banat:2', 20), candidate('cluj:3', 10)];
    const lead = { memberId: 'banat:9', clusterId: 'banat', region: 'VEST' };
    const [best] = assembleConsortia(rules([['R', 2]], { maxPerCluster: 2, lead }), [pool], 1);
    expect(best!.roles[0]!.members).toEqual(['banat:1', 'cluj:3']);
    expect(best!.covers.clusters).toEqual(['banat', 'cluj']);
  });

  it('spans minRegions regions, the lead\u2019s included, or proposes nothing', () => {
    const pool = [candidate('a:1', 30, 'VEST'), candidate('a:2', 20, 'VEST'), candidate('b:3', 10, 'CENTRU')];
    const [best] = assembleConsortia(rules([['R', 2]], { minRegions: 2 }), [pool], 1);
    expect(best!.roles[0]!.members).toEqual(['a:1', 'b:3']);
    expect(best!.covers.regions).toEqual(['CENTRU', 'VEST']);
    const lead = { memberId: 'x:1', clusterId: 'x', region: 'NORD_EST' };
    expect(assembleConsortia(rules([['R', 2]], { minRegions: 3, lead }), [pool], 1)[0]!.roles[0]!.members).toEqual(['a:1', 'b:3']);
    expect(assembleConsortia(rules([['R', 2]], { minRegions: 4, lead }), [pool], 5)).toEqual([]);
  });

  it('proposes nothing when a role cannot be filled', () => {
    expect(assembleConsortia(rules([['A', 1], ['B', 2]]), [[candidate('a:1', 1)], [candidate('a:1', 1), candidate('b:2', 1)]], 3)).toEqual([]);
  });

  it('says which of the roles\u2019 competences its members bring, in the enum\u2019s order', () => {
    const [best] = assembleConsortia(rules([['A', 1], ['B', 1]]), [[candidate('a:1', 1, 'VEST', ['SMART_CITY'])], [candidate('b:2', 1, 'VEST', ['CYBERSECURITY', 'AI_DATA'])]], 1);
    expect(best!.covers.competences).toEqual(['AI_DATA', 'CYBERSECURITY', 'SMART_CITY']);
  });

  it('finds the best sum an exhaustive search finds, on calls small enough to search exhaustively', () => {
    const member = fc.record({ cluster: fc.constantFrom('a', 'b', 'c'), local: fc.integer({ min: 1, max: 6 }), score: fc.integer({ min: 0, max: 5 }), region: fc.constantFrom('VEST', 'CENTRU', 'SUD_EST') });
    const pool = fc.uniqueArray(member, { minLength: 0, maxLength: 5, selector: (m) => `${m.cluster}:${m.local}` }).map((members) =>
      members.map((m) => candidate(`${m.cluster}:${m.local}`, m.score, m.region)).sort((x, y) => y.score - x.score),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(pool, fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), (roles, minRegions, maxPerCluster) => {
        const call = rules(roles.map(([, count], index) => [`r${index}`, count]), { minRegions, maxPerCluster });
        const pools = roles.map(([candidates]) => candidates);
        const found = assembleConsortia(call, pools, 1);
        expect(found[0]?.score ?? null).toBe(exhaustiveBest(call, pools));
      }),
      { numRuns: 300 },
    );
  });
});

/** The best score of any valid proposal, by trying every choice. */
function exhaustiveBest(call: CallRules, pools: ReadonlyArray<readonly Candidate[]>): number | null {
  let best: number | null = null;
  const slots = call.roles.flatMap((role, index) => Array.from({ length: role.count }, () => index));
  const walk = (slot: number, chosen: Candidate[], lastIndex: number[]) => {
    if (slot === slots.length) {
      const regions = new Set(chosen.map((c) => c.region).filter(Boolean));
      const perCluster = new Map<string, number>();
      for (const c of chosen) perCluster.set(c.clusterId, (perCluster.get(c.clusterId) ?? 0) + 1);
      if (regions.size < call.minRegions) return;
      if (call.maxPerCluster !== null && [...perCluster.values()].some((n) => n > call.maxPerCluster!)) return;
      const score = chosen.reduce((sum, c) => sum + c.score, 0);
      if (best === null || score > best) best = score;
      return;
    }
    const role = slots[slot]!;
    const pool = pools[role]!;
    const from = slot > 0 && slots[slot - 1] === role ? lastIndex[role]! + 1 : 0;
    for (let index = from; index < pool.length; index++) {
      if (chosen.some((c) => c.memberId === pool[index]!.memberId)) continue;
      const last = [...lastIndex];
      last[role] = index;
      walk(slot + 1, [...chosen, pool[index]!], last);
    }
  };
  walk(0, [], call.roles.map(() => -1));
  return best;
}
