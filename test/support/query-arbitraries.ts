import fc from 'fast-check';
import { CERTIFICATION_CODES, COMPETENCE_AREA_CODES, FUNDING_PROGRAMME_CODES } from '../../shared/competences';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';

/**
 * Generated network-wide queries, the way analysts and the dashboard write them: filters,
 * orderings, page sizes, cluster subsets, nested cross-cluster fields, aggregates, and the shapes
 * the query planner has to carry (aliases, fragments, variables, @skip/@include, __typename).
 * Each case is a query text plus variables, and says how to find the next page when it is a walk.
 */
export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  /** The path from `data` to the connection a walk follows, e.g. ['all', 'members']. */
  walk?: readonly string[];
  /** How many pages a walk may take at most. */
  maxPages: number;
}

export const CLUSTER_IDS = FOUNDING_CLUSTERS.map((cluster) => cluster.id);
export const MEMBER_KINDS = ['STARTUP', 'SME', 'LARGE_ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'PUBLIC_AUTHORITY', 'CATALYST', 'COMMUNITY'];
const PROJECT_STATUSES = ['PROPOSED', 'ACTIVE', 'COMPLETED'];
export const REGIONS = ['NORD_VEST', 'CENTRU', 'NORD_EST', 'SUD_EST', 'SUD_MUNTENIA', 'BUCURESTI_ILFOV', 'SUD_VEST_OLTENIA', 'VEST'];

// Substrings and cities chosen to hit diacritics, case, LIKE wildcards and quotes.
const NAME_PARTS = ['a', 'soft', 'SOFT', 'tech', 'Ș', 'ș', 'ță', 'Ă', 'î', 'it s', 'srl', 'Digital', 'univers', 'cluj', '%', '_', '!', "'", '"', '\\', 'zzzz', ' '];
const CITIES = ['Cluj-Napoca', 'cluj-napoca', 'Brașov', 'Brasov', 'BRAȘOV', 'Timișoara', 'timisoara', 'Iași', 'Constanța', 'București', 'Craiova', 'Galați', 'Pitești', 'Sibiu', 'Nowhere'];
const TITLE_PARTS = ['a', 'digital', 'AI', 'ș', 'cloud', 'Cluj', '2024', 'ț', '%', '_', 'nothing-matches'];

export const clusterSubset = fc.option(fc.subarray(CLUSTER_IDS, { minLength: 0, maxLength: 4 }), { nil: undefined, freq: 2 });
// Mostly page sizes people use; now and then the edges of the range.
export const pageSize = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(1, 2, 3, 5, 7, 10, 20, 25, 50) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const memberFilter = fc.option(
  fc.record(
    {
      kind: fc.subarray(MEMBER_KINDS, { minLength: 1 }),
      nameContains: fc.constantFrom(...NAME_PARTS),
      minEmployees: fc.constantFrom(0, 1, 10, 50, 120, 250, 1000),
      city: fc.constantFrom(...CITIES),
      competences: fc.subarray(COMPETENCE_AREA_CODES, { minLength: 0, maxLength: 2 }),
      certifications: fc.subarray(CERTIFICATION_CODES, { minLength: 0, maxLength: 2 }),
      programmes: fc.subarray(FUNDING_PROGRAMME_CODES, { minLength: 0, maxLength: 2 }),
      regions: fc.subarray(REGIONS, { minLength: 0, maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const projectFilter = fc.option(
  fc.record({ status: fc.subarray(PROJECT_STATUSES, { minLength: 1 }), titleContains: fc.constantFrom(...TITLE_PARTS) }, { requiredKeys: [] }),
  { nil: undefined },
);

const direction = fc.constantFrom('ASC', 'DESC');
const memberOrder = fc.option(fc.record({ field: fc.constantFrom('NAME', 'EMPLOYEES', 'FOUNDED'), direction }), { nil: undefined });
const projectOrder = fc.option(fc.record({ field: fc.constantFrom('TITLE', 'STARTED', 'BUDGET'), direction }), { nil: undefined });

/** How the node's fields are written: plainly, in an inline fragment, or in a named fragment. */
type Spelling = 'plain' | 'inline' | 'named';
const spelling = fc.constantFrom<Spelling>('plain', 'inline', 'named');

function spell(typeName: string, fields: string, how: Spelling, fragmentName: string): { selection: string; fragment: string } {
  if (how === 'inline') return { selection: `... on ${typeName} { ${fields} }`, fragment: '' };
  if (how === 'named') return { selection: `...${fragmentName}`, fragment: `fragment ${fragmentName} on ${typeName} { ${fields} }` };
  return { selection: fields, fragment: '' };
}

const memberFields = fc.record({
  scalars: fc.subarray(['name', 'kind', 'employees', 'city', 'region', 'founded', '__typename', 'competences { areas certifications programmes }'], { minLength: 0 }),
  cluster: fc.boolean(),
  projects: fc.boolean(),
  records: fc.boolean(),
  includeFlag: fc.option(fc.boolean(), { nil: undefined }),
});

function memberSelection(fields: { scalars: string[]; cluster: boolean; projects: boolean; records: boolean; includeFlag?: boolean }): string {
  const parts = ['id', ...fields.scalars];
  if (fields.cluster) parts.push('cluster { id shortName }');
  // A member's own records: shown or null by who asks, which must not depend on where its rows live.
  if (fields.records) parts.push('membership { feePaid(year: 2024) fees { year amountEur } } serviceRequests { id note }');
  if (fields.projects) parts.push(`projects ${fields.includeFlag === undefined ? '' : '@include(if: $flag) '}{ id title cluster { id } }`);
  return parts.join(' ');
}

/** `members(…)` walked page by page, sometimes beside `networkStats` over the same clusters. */
export const memberWalk: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    filter: memberFilter,
    orderBy: memberOrder,
    first: pageSize,
    clusters: clusterSubset,
    fields: memberFields,
    how: spelling,
    alias: fc.constantFrom('members', 'all', 'page'),
    withTotal: fc.boolean(),
    withStats: fc.boolean(),
    asVariables: fc.boolean(),
    maxPages: fc.integer({ min: 1, max: 40 }),
  })
  .map((c) => {
    const node = spell('Member', memberSelection(c.fields), c.how, 'MemberFields');
    const args = c.asVariables
      ? 'filter: $filter, orderBy: $orderBy, first: $first, after: $after, clusters: $clusters'
      : [
          c.filter ? `filter: ${literal(c.filter, ['kind', 'competences', 'certifications', 'programmes', 'regions'])}` : '',
          c.orderBy ? `orderBy: ${literal(c.orderBy, ['field', 'direction'])}` : '',
          c.first === undefined ? '' : `first: ${c.first}`,
          'after: $after',
          c.clusters ? `clusters: ${JSON.stringify(c.clusters)}` : '',
        ]
          .filter(Boolean)
          .join(', ');
    const usesFlag = c.fields.projects && c.fields.includeFlag !== undefined;
    const declared = [
      c.asVariables ? '$filter: MemberFilter, $orderBy: MemberOrder, $first: Int, $clusters: [ID!]' : '',
      '$after: String',
      usesFlag ? '$flag: Boolean!' : '',
    ]
      .filter(Boolean)
      .join(', ');
    const stats = c.withStats ? ` stats: networkStats${c.clusters ? `(clusters: ${JSON.stringify(c.clusters)})` : ''} { members companies employees }` : '';
    const query = [
      `query Walk(${declared}) {`,
      `  ${c.alias === 'members' ? '' : `${c.alias}: `}members(${args}) {`,
      `    ${c.withTotal ? 'totalCount ' : ''}edges { cursor node { ${node.selection} } } pageInfo { hasNextPage endCursor }`,
      `  }${stats}`,
      '}',
      node.fragment,
    ].join('\n');
    const variables: Record<string, unknown> = usesFlag ? { flag: c.fields.includeFlag } : {};
    if (c.asVariables) Object.assign(variables, { filter: c.filter ?? null, orderBy: c.orderBy ?? null, first: c.first ?? null, clusters: c.clusters ?? null });
    return { query, variables, walk: [c.alias], maxPages: c.maxPages };
  });

/** `projects(…)` walked page by page, with leads and partners that live in other clusters. */
export const projectWalk: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    filter: projectFilter,
    orderBy: projectOrder,
    first: pageSize,
    clusters: clusterSubset,
    lead: fc.boolean(),
    partners: fc.boolean(),
    partnerProjects: fc.boolean(),
    how: spelling,
    maxPages: fc.integer({ min: 1, max: 15 }),
  })
  .map((c) => {
    const partner = `id name cluster { id }${c.partnerProjects ? ' projects { id }' : ''}`;
    const fields = ['id title status startedOn budgetEur cluster { id }', c.lead ? 'lead { id name employees cluster { id } }' : '', c.partners ? `partners { ${partner} }` : '']
      .filter(Boolean)
      .join(' ');
    const node = spell('Project', fields, c.how, 'ProjectFields');
    const query = [
      'query Walk($filter: ProjectFilter, $orderBy: ProjectOrder, $first: Int, $after: String, $clusters: [ID!]) {',
      '  projects(filter: $filter, orderBy: $orderBy, first: $first, after: $after, clusters: $clusters) {',
      `    totalCount edges { cursor node { ${node.selection} } } pageInfo { hasNextPage endCursor startCursor }`,
      '  }',
      '}',
      node.fragment,
    ].join('\n');
    return {
      query,
      variables: { filter: c.filter ?? null, orderBy: c.orderBy ?? null, first: c.first ?? null, clusters: c.clusters ?? null },
      walk: ['projects'],
      maxPages: c.maxPages,
    };
  });

/** Aggregates over the network or a subset, several root fields with different routing in one query. */
export const aggregates: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    clusters: clusterSubset,
    byKind: fc.boolean(),
    byCluster: fc.boolean(),
    byCompetence: fc.boolean(),
    kinds: fc.option(fc.subarray(MEMBER_KINDS, { minLength: 0, maxLength: 3 }), { nil: undefined, freq: 3 }),
    alsoMember: fc.option(fc.constantFrom(...CLUSTER_IDS), { nil: undefined }),
    twice: fc.boolean(),
    extremes: fc.boolean(),
    activity: fc.boolean(),
    how: spelling,
  })
  .map((c) => {
    const given = [c.clusters ? `clusters: ${JSON.stringify(c.clusters)}` : '', c.kinds ? `kinds: [${c.kinds.join(', ')}]` : ''].filter(Boolean);
    const args = given.length > 0 ? `(${given.join(', ')})` : '';
    const byKind = spell('KindStats', 'kind count employees averageEmployees size: averageEmployees', c.how, 'KindFigures');
    const body = [
      'members companies employees projects __typename averageCompanySize',
      c.extremes ? 'earliestFounded largestMemberEmployees' : '',
      c.byKind ? `byKind { ${byKind.selection} }` : '',
      c.byCluster ? `byCluster { cluster { id name } members companies employees projects${c.byCompetence ? ' byCompetence { area members companies employees }' : ''} }` : '',
      c.byCompetence ? 'byCompetence { area members companies employees }' : '',
      c.activity ? 'projectsByStatus { status count } collaboration { pair first { id name } second { id } projects }' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const stats = spell('NetworkStats', body, c.how, 'Figures');
    const parts = [`networkStats${args} { ${stats.selection} }`];
    if (c.twice) parts.push('whole: networkStats { members employees averageCompanySize }');
    if (c.alsoMember) parts.push(`first: member(id: "${c.alsoMember}:1") { id name } count: members(clusters: ["${c.alsoMember}"], first: 0) { totalCount }`);
    const fragments = [stats.fragment, c.byKind ? byKind.fragment : ''].filter(Boolean).join('\n');
    return { query: `{ __typename ${parts.join(' ')} }\n${fragments}`, variables: {}, maxPages: 1 };
  });

/** Look-ups by id, good and bad, and a cluster's own members through the `Cluster` entity. */
export const lookups: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    cluster: fc.constantFrom(...CLUSTER_IDS),
    local: fc.oneof(fc.integer({ min: 1, max: 130 }), fc.constantFrom(0, 999_999)),
    kind: fc.constantFrom('member', 'project', 'cluster', 'bad'),
    badId: fc.constantFrom('nope:1', 'banat', 'banat:x', '', ':1', 'banat:-1', 'BANAT:1'),
    first: fc.constantFrom(1, 5, 20),
    orderBy: memberOrder,
  })
  .map((c) => {
    const id = `${c.cluster}:${c.local}`;
    switch (c.kind) {
      case 'member':
        return { query: 'query One($id: ID!) { member(id: $id) { id name kind city cluster { id } projects { id title partners { id } } } }', variables: { id }, maxPages: 1 };
      case 'project':
        return { query: 'query One($id: ID!) { project(id: $id) { id title lead { id name } partners { id name cluster { name } } } }', variables: { id }, maxPages: 1 };
      case 'cluster':
        return {
          query: `query One($id: ID!, $orderBy: MemberOrder) { cluster(id: $id) { id shortName stats { members companies employees projects } members(first: ${c.first}, orderBy: $orderBy) { totalCount edges { cursor node { id name employees } } pageInfo { hasNextPage endCursor } } } }`,
          variables: { id: c.cluster, orderBy: c.orderBy ?? null },
          maxPages: 1,
        };
      default:
        return { query: 'query One($id: ID!) { member(id: $id) { id } project(id: $id) { id } }', variables: { id: c.badId }, maxPages: 1 };
    }
  });

/** A GraphQL input literal; `enums` name the keys whose values are enum values, not strings. */
function literal(value: Record<string, unknown>, enums: readonly string[]): string {
  const entries = Object.entries(value).map(([key, item]) => {
    if (enums.includes(key)) return `${key}: ${Array.isArray(item) ? `[${item.join(', ')}]` : String(item)}`;
    return `${key}: ${JSON.stringify(item)}`;
  });
  return `{ ${entries.join(', ')} }`;
}

const EVENT_KINDS = ['CONFERENCE', 'WORKSHOP', 'TRAINING', 'MATCHMAKING', 'TRADE_MISSION'];
const INITIATIVE_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'];
const ACTIVITY_TEXT = ['a', 'e', 'ș', 'Ț', 'digital', 'AI', '2025', '%', '_', 'zzzz'];

/** One network-wide activity view and how a page of it is asked for. */
interface ActivityView {
  args: string;
  orders: readonly string[];
  filter: fc.Arbitrary<Record<string, unknown>>;
  node: string;
}

const ACTIVITY_VIEWS: Record<'events' | 'workingGroups' | 'initiatives', ActivityView> = {
  events: {
    args: '$filter: EventFilter, $orderBy: EventOrder',
    orders: ['STARTS', 'TITLE'],
    filter: fc.record({ kind: fc.subarray(EVENT_KINDS, { minLength: 1 }), titleContains: fc.constantFrom(...ACTIVITY_TEXT), startsFrom: fc.constantFrom('2020-01-01', '2024-06-15', '2026-11-25') }, { requiredKeys: [] }),
    node: 'id title kind startsOn city capacity seatsTaken seatsLeft cluster { id } workingGroup { id name } registrations { attendees member { id name cluster { id } } }',
  },
  workingGroups: {
    args: '$filter: WorkingGroupFilter, $orderBy: WorkingGroupOrder',
    orders: ['NAME', 'FORMED'],
    filter: fc.record({ nameContains: fc.constantFrom(...ACTIVITY_TEXT) }, { requiredKeys: [] }),
    node: 'id name objective formedOn cluster { id name } participantCount coordinators { id name } participants { id name } projects { id title } initiatives { id status }',
  },
  initiatives: {
    args: '$filter: InitiativeFilter, $orderBy: InitiativeOrder',
    orders: ['PROPOSED', 'TITLE'],
    filter: fc.record({ status: fc.subarray(INITIATIVE_STATUSES, { minLength: 1 }), titleContains: fc.constantFrom(...ACTIVITY_TEXT) }, { requiredKeys: [] }),
    node: 'id title status proposedOn version cluster { id } proposedBy { id name } presentedBy { name } decidedAt { id heldOn } workingGroup { name }',
  },
};

/** Events, working groups and initiatives walked page by page, with what they refer to. */
export const activityWalk: fc.Arbitrary<GeneratedQuery> = fc
  .constantFrom(...(Object.keys(ACTIVITY_VIEWS) as Array<keyof typeof ACTIVITY_VIEWS>))
  .chain((view) =>
    fc.record({
      view: fc.constant(view),
      filter: fc.option(ACTIVITY_VIEWS[view].filter, { nil: undefined }),
      orderBy: fc.option(fc.record({ field: fc.constantFrom(...ACTIVITY_VIEWS[view].orders), direction }), { nil: undefined }),
      first: pageSize,
      clusters: clusterSubset,
      maxPages: fc.integer({ min: 1, max: 10 }),
    }),
  )
  .map((c) => {
    const spec = ACTIVITY_VIEWS[c.view];
    const query = [
      `query Walk(${spec.args}, $first: Int, $after: String, $clusters: [ID!]) {`,
      `  ${c.view}(filter: $filter, orderBy: $orderBy, first: $first, after: $after, clusters: $clusters) {`,
      `    totalCount edges { cursor node { ${spec.node} } } pageInfo { hasNextPage endCursor }`,
      '  }',
      '}',
    ].join('\n');
    return {
      query,
      variables: { filter: c.filter ?? null, orderBy: c.orderBy ?? null, first: c.first ?? null, clusters: c.clusters ?? null },
      walk: [c.view],
      maxPages: c.maxPages,
    };
  });
