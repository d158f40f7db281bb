import fc from 'fast-check';
import { CERTIFICATION_CODES, COMPETENCE_AREA_CODES, FUNDING_PROGRAMME_CODES } from '../../shared/competences';
import { CLUSTER_IDS, clusterSubset, MEMBER_KINDS, pageSize, REGIONS, type GeneratedQuery } from './query-arbitraries';

/** Generated needs and calls for the partner finder, the way a secretariat or a member writes them. */
/** A need as a secretariat or a member writes one: a few competences, sometimes certifications, programmes, kinds, regions and a size. */
const partnerNeed = fc.record(
  {
    competences: fc.subarray(COMPETENCE_AREA_CODES, { minLength: 1, maxLength: 4 }),
    certifications: fc.subarray(CERTIFICATION_CODES, { minLength: 0, maxLength: 2 }),
    programmes: fc.subarray(FUNDING_PROGRAMME_CODES, { minLength: 0, maxLength: 2 }),
    kinds: fc.subarray(MEMBER_KINDS, { minLength: 1, maxLength: 3 }),
    regions: fc.subarray(REGIONS, { minLength: 1, maxLength: 4 }),
    employees: fc.record({ min: fc.constantFrom(0, 5, 10, 50), max: fc.constantFrom(49, 249, 5000) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** `partnerSearch(…)` walked page by page: ranked by a score each shard computes, merged by cursor. */
export const partnerWalk: fc.Arbitrary<GeneratedQuery> = fc
  .record({ need: partnerNeed, first: pageSize, clusters: clusterSubset, withTotal: fc.boolean(), memberFields: fc.boolean(), maxPages: fc.integer({ min: 1, max: 30 }) })
  .map((c) => ({
    query: [
      'query Partners($need: PartnerNeed!, $first: Int, $after: String, $clusters: [ID!]) {',
      '  partnerSearch(need: $need, first: $first, after: $after, clusters: $clusters) {',
      `    ${c.withTotal ? 'totalCount ' : ''}edges { cursor node { score matched { areas certifications programmes } member { id ${c.memberFields ? 'name kind employees region cluster { id shortName }' : ''} } } } pageInfo { hasNextPage endCursor }`,
      '  }',
      '}',
    ].join('\n'),
    variables: { need: c.need, first: c.first ?? null, clusters: c.clusters ?? null },
    walk: ['partnerSearch'],
    maxPages: c.maxPages,
  }));

/** A call's role: what its members bring and how many it takes. */
const callRole = fc.record({
  competences: fc.subarray(COMPETENCE_AREA_CODES, { minLength: 1, maxLength: 3 }),
  certifications: fc.option(fc.subarray(CERTIFICATION_CODES, { minLength: 1, maxLength: 1 }), { nil: undefined, freq: 3 }),
  kinds: fc.option(fc.subarray(MEMBER_KINDS, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
  count: fc.integer({ min: 1, max: 2 }),
});

/** `consortium(…)`: roles filled from each network's partner search, assembled by its network subgraph. */
export const consortiumCalls: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    roles: fc.array(callRole, { minLength: 1, maxLength: 4 }),
    minRegions: fc.integer({ min: 1, max: 4 }),
    maxPerCluster: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    lead: fc.option(fc.tuple(fc.constantFrom(...CLUSTER_IDS), fc.integer({ min: 1, max: 30 })), { nil: undefined, freq: 3 }),
    clusters: fc.option(fc.subarray(CLUSTER_IDS, { minLength: 2, maxLength: 6 }), { nil: undefined, freq: 3 }),
    first: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  })
  .map((c) => ({
    query: 'query Call($call: CallInput!, $first: Int) { consortium(call: $call, first: $first) { score lead { id name } roles { label members { id name kind region cluster { id } } } covers { competences regions clusters { id shortName } } } }',
    variables: {
      call: {
        roles: c.roles.map((role, index) => ({ label: `Role ${index + 1}`, ...role })),
        minRegions: c.minRegions,
        ...(c.maxPerCluster === undefined ? {} : { maxPerCluster: c.maxPerCluster }),
        ...(c.lead ? { lead: `${c.lead[0]}:${c.lead[1]}` } : {}),
        ...(c.clusters ? { clusters: c.clusters } : {}),
      },
      first: c.first ?? null,
    },
    maxPages: 1,
  }));
