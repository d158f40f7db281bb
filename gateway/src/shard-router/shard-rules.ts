import { getNamedType, isInterfaceType, isObjectType, Kind, parse, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { MERGE_RULES, SHARD_REFS, SHARD_ROUTES, type MergeRule, type ShardRefs, type ShardRoute } from '../../../shared/shard-directive';
import { MERGE_RULE_REGISTRY } from './merge-rules';
import type { MergeSpec } from './merge-rules/merge-rule';

export type { MergeSpec };

export interface RouteRule extends Partial<MergeSpec> {
  route: ShardRoute;
  /** The argument (root field) or key field (entity) holding the routing value. */
  arg?: string;
  /** Root fields: the named type the field returns, looked up once here rather than per request. */
  typeName?: string;
  refs?: ShardRefs;
}

/** The routing table of one sharded subgraph, read from the `@shard` directives of its SDL. */
export interface ShardRules {
  subgraph: string;
  schema: GraphQLSchema;
  rootFields: ReadonlyMap<string, RouteRule>;
  /** Mutations: always to the one shard that owns the data. */
  mutationFields: ReadonlyMap<string, RouteRule>;
  entities: ReadonlyMap<string, RouteRule>;
  /** `Type.field` → merge rule, for fields under a fan-out. */
  fieldMerges: ReadonlyMap<string, MergeSpec>;
  /** Entity key fields: every shard returns the same value. */
  keyFields: ReadonlyMap<string, ReadonlySet<string>>;
  /** `Type.field` whose objects may belong to any cluster (`@shard(refs: "any")`); every other row a shard returns is its own. */
  crossClusterFields: ReadonlySet<string>;
  /** Types whose `id` key is a cluster id (`route: "cluster"`) rather than a global id. */
  clusterKeyedTypes: ReadonlySet<string>;
}

/** Federation's own root fields: the router handles `_entities` itself; `_service` is schema loading. */
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);

export class ShardRulesError extends Error {
  override name = 'ShardRulesError';
}

/**
 * Compiles the subgraph's `@shard` directives and checks them: every root field and entity type
 * needs a route, and every field a fan-out can reach needs a merge rule. A gap stops the gateway
 * here, at start, instead of answering a wrong merge later.
 */
export function compileShardRules(subgraph: string, sdl: string): ShardRules {
  const document = parse(sdl);
  const schema = buildSubgraphSchema({ typeDefs: document });
  const rootFields = new Map<string, RouteRule>();
  const entities = new Map<string, RouteRule>();
  const mutationFields = new Map<string, RouteRule>();
  const fieldMerges = new Map<string, MergeSpec>();
  const keyFields = new Map<string, Set<string>>();
  const crossClusterFields = new Set<string>();
  const clusterKeyedTypes = new Set<string>();
  const problems: string[] = [];

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const typeRule = readShardDirective(definition.directives, `${subgraph}: type ${typeName}`, problems);
    const keys = readKeyFields(definition.directives);
    if (keys.size > 0) keyFields.set(typeName, keys);
    if (keys.size > 0 && typeRule?.route === 'cluster') clusterKeyedTypes.add(typeName);
    const resolvable = keys.size > 0 && !isUnresolvableKey(definition.directives);
    if (resolvable) {
      if (!typeRule?.route) problems.push(`${subgraph}: entity type ${typeName} has no @shard(route: …)`);
      else entities.set(typeName, typeRule);
    }
    for (const field of definition.fields ?? []) {
      const where = `${subgraph}: ${typeName}.${field.name.value}`;
      const rule = readShardDirective(field.directives, where, problems);
      if (rule?.refs) crossClusterFields.add(`${typeName}.${field.name.value}`);
      if (typeName === 'Query' && FEDERATION_ROOT_FIELDS.has(field.name.value)) continue;
      const returns = namedTypeOf(field.type);
      if (typeName === 'Query') {
        if (!rule?.route) problems.push(`${where} has no @shard(route: …)`);
        else if (rule.route === 'all' && !rule.merge) problems.push(`${where} fans out but declares no merge rule`);
        else if (rule.route !== 'all' && !rule.arg) problems.push(`${where} routes by ${rule.route} but names no arg`);
        if (rule?.merge && !MERGE_RULE_REGISTRY[rule.merge].atRoot) problems.push(`${where}: ${rule.merge} merges sibling fields, so it cannot be a root field's rule`);
        if (rule?.merge && MERGE_RULE_REGISTRY[rule.merge].atRoot) {
          const siblings = new Set((definition.fields ?? []).map((f) => f.name.value));
          problems.push(...(MERGE_RULE_REGISTRY[rule.merge].check?.({ where, typeName, spec: specOf(rule, rule.merge), siblings }) ?? []));
        }
        if (rule) rootFields.set(field.name.value, { ...rule, typeName: returns });
      } else if (typeName === 'Mutation') {
        // A write fanned out to every shard could half succeed; each mutation has one owner.
        if (!rule?.route || rule.route === 'all' || !rule.arg) problems.push(`${where}: a mutation must name its shard with @shard(route: "id" | "cluster", arg: …)`);
        else if (!(field.arguments ?? []).some((argument) => argument.name.value === rule.arg!.split('.')[0])) {
          problems.push(`${where} routes by "${rule.arg}", which names no argument of the field`);
        } else mutationFields.set(field.name.value, { ...rule, typeName: returns });
      } else if (rule?.merge) {
        const spec = specOf(rule, rule.merge);
        const siblings = new Set((definition.fields ?? []).map((f) => f.name.value));
        problems.push(...(MERGE_RULE_REGISTRY[spec.merge].check?.({ where, typeName, spec, siblings }) ?? []));
        fieldMerges.set(`${typeName}.${field.name.value}`, spec);
      }
    }
  }
  const rules: ShardRules = { subgraph, schema, rootFields, mutationFields, entities, fieldMerges, keyFields, crossClusterFields, clusterKeyedTypes };
  problems.push(...checkMergeCoverage(rules));
  if (problems.length > 0) {
    throw new ShardRulesError(`The sharded subgraph "${subgraph}" cannot be routed safely:\n  ${problems.join('\n  ')}`);
  }
  return rules;
}

/** Every field under an `object` or `groupBy` merge must itself say how it merges. */
function checkMergeCoverage(rules: ShardRules): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visitObject = (typeName: string, where: string) => {
    if (seen.has(typeName)) return;
    seen.add(typeName);
    const type = rules.schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const merge = rules.fieldMerges.get(`${typeName}.${fieldName}`);
      if (rules.keyFields.get(typeName)?.has(fieldName)) continue;
      if (!merge) {
        problems.push(`${where} merges ${typeName} field by field, but ${typeName}.${fieldName} has no @shard(merge: …)`);
        continue;
      }
      if (MERGE_RULE_REGISTRY[merge.merge].fieldByField) visitObject(getNamedType(field.type).name, `${typeName}.${fieldName}`);
    }
  };
  for (const [fieldName, rule] of rules.rootFields) {
    if (rule.route === 'all' && rule.merge && MERGE_RULE_REGISTRY[rule.merge].fieldByField) {
      const field = rules.schema.getQueryType()?.getFields()[fieldName];
      if (field) visitObject(getNamedType(field.type).name, `Query.${fieldName}`);
    }
  }
  for (const [typeName, rule] of rules.entities) {
    if (rule.route === 'all') visitObject(typeName, `entity ${typeName}`);
  }
  return problems;
}

/** The merge a rule declares, as the merge stage reads it. */
export function specOf(rule: Partial<MergeSpec>, merge: MergeRule): MergeSpec {
  return { merge, ...(rule.key ? { key: rule.key } : {}), ...(rule.sum ? { sum: rule.sum } : {}), ...(rule.count ? { count: rule.count } : {}) };
}

/** The named type under a field's list and non-null wrappers, in the SDL. */
function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function readShardDirective(
  directives: readonly ConstDirectiveNode[] | undefined,
  where: string,
  problems: string[],
): RouteRule | undefined {
  const directive = directives?.find((d) => d.name.value === 'shard');
  if (!directive) return undefined;
  const args: Record<string, string> = {};
  for (const argument of directive.arguments ?? []) {
    if (argument.value.kind === Kind.STRING) args[argument.name.value] = argument.value.value;
  }
  if (args.route !== undefined && !Object.hasOwn(SHARD_ROUTES, args.route)) problems.push(`${where}: unknown route "${args.route}"`);
  if (args.merge !== undefined && !Object.hasOwn(MERGE_RULES, args.merge)) problems.push(`${where}: unknown merge rule "${args.merge}"`);
  if (args.refs !== undefined && !Object.hasOwn(SHARD_REFS, args.refs)) problems.push(`${where}: unknown refs "${args.refs}"`);
  return {
    route: args.route as ShardRoute,
    ...(args.arg ? { arg: args.arg } : {}),
    // An unknown rule is reported above and read as none, so no later check looks it up.
    ...(args.merge && Object.hasOwn(MERGE_RULES, args.merge) ? { merge: args.merge as MergeRule } : {}),
    ...(args.key ? { key: args.key } : {}),
    ...(args.sum ? { sum: args.sum } : {}),
    ...(args.count ? { count: args.count } : {}),
    ...(args.refs ? { refs: args.refs as ShardRefs } : {}),
  };
}

function readKeyFields(directives: readonly ConstDirectiveNode[] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'key') continue;
    const fields = directive.arguments?.find((a) => a.name.value === 'fields');
    if (fields?.value.kind === Kind.STRING) for (const name of fields.value.value.split(/\s+/).filter(Boolean)) keys.add(name);
  }
  return keys;
}

function isUnresolvableKey(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some(
    (d) =>
      d.name.value === 'key' &&
      d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
  );
}

export type { DocumentNode };
