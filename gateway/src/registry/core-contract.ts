import { typeShapes } from './schema-coverage';

/**
 * The fields of the network's core contract that cluster deployments serve (`../shared/DESIGN.md`,
 * "The public schema"): dashboards and analysts' scripts depend on them, so the network never
 * serves less. A deployment that lacks one cannot take part until it is upgraded: it is left out of
 * the network's schema and its data is reported missing (CLUSTER_SCHEMA_MISMATCH), rather than the
 * contract shrinking for every cluster. Arguments listed must be served too.
 */
export const CORE_CONTRACT: readonly string[] = [
  'Query.members(filter,orderBy,first,after,clusters)',
  'Query.member(id)',
  'Query.projects(filter,orderBy,first,after,clusters)',
  'Query.project(id)',
  'Query.networkStats(clusters)',
  'Member.id',
  'Member.name',
  'Member.kind',
  'Member.employees',
  'Member.city',
  'Member.founded',
  'Member.cluster',
  'Member.projects',
  'Project.id',
  'Project.title',
  'Project.status',
  'Project.cluster',
  'Project.lead',
  'Project.partners',
  'MemberConnection.edges',
  'MemberConnection.pageInfo',
  'MemberConnection.totalCount',
  'MemberEdge.cursor',
  'MemberEdge.node',
  'ProjectConnection.edges',
  'ProjectConnection.pageInfo',
  'ProjectConnection.totalCount',
  'ProjectEdge.cursor',
  'ProjectEdge.node',
  'PageInfo.hasNextPage',
  'PageInfo.endCursor',
  'NetworkStats.members',
  'NetworkStats.companies',
  'NetworkStats.employees',
  'NetworkStats.projects',
  'NetworkStats.byKind',
  'NetworkStats.byCluster',
];

/** What of the core contract a deployment's SDLs (all its logical subgraphs together) lack. */
export function missingContract(sdls: readonly string[]): string[] {
  const served = new Map<string, Set<string>>();
  for (const sdl of sdls) {
    for (const [typeName, shape] of typeShapes(sdl)) {
      for (const [fieldName, field] of shape.fields) {
        const key = `${typeName}.${fieldName}`;
        served.set(key, new Set([...(served.get(key) ?? []), ...field.args.keys()]));
      }
    }
  }
  return CORE_CONTRACT.filter((coordinate) => {
    const [, field, args] = /^([^(]+)(?:\((.*)\))?$/.exec(coordinate)!;
    const has = served.get(field!);
    return !has || (args ?? '').split(',').filter(Boolean).some((argument) => !has.has(argument));
  });
}
