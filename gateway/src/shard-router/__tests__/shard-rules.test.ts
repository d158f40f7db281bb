import { compileShardRules, ShardRulesError } from '../shard-rules';
import { SHARD_DIRECTIVE_SDL } from '../../../../shared/shard-directive';
import { FEDERATION_LINK } from '../../../../shared/server/federated-schema';

const HEADER = `
${FEDERATION_LINK}
${SHARD_DIRECTIVE_SDL}
`;

const TYPES = `
type Member @key(fields: "id") @shard(route: "id", arg: "id") { id: ID! name: String! }
type MemberEdge { cursor: String! node: Member! }
type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
type KindStats { kind: String! @shard(merge: "same") count: Int! @shard(merge: "sum") employees: Int! @shard(merge: "sum") }
type NetworkStats { members: Int! @shard(merge: "sum") smallest: Int! @shard(merge: "min") largest: Int! @shard(merge: "max") byKind: [KindStats!]! @shard(merge: "groupBy", key: "kind") names: [String!]! @shard(merge: "concat") }
`;

const QUERY = `
type Query {
  members(first: Int, after: String, clusters: [ID!]): MemberConnection! @shard(route: "all", merge: "connection")
  member(id: ID!): Member @shard(route: "id", arg: "id")
  networkStats(clusters: [ID!]): NetworkStats! @shard(route: "all", merge: "object")
}
`;

const VALID = HEADER + QUERY + TYPES;

function compileError(sdl: string): ShardRulesError {
  try {
    compileShardRules('members', sdl);
  } catch (error) {
    return error as ShardRulesError;
  }
  throw new Error('compileShardRules did not throw');
}

describe('compileShardRules', () => {
  it('accepts a subgraph whose every root field, entity and fanned-out field has a rule', () => {
    const rules = compileShardRules('members', VALID);
    expect(rules.subgraph).toBe('members');
    expect(rules.rootFields.get('members')).toEqual({ route: 'all', merge: 'connection', typeName: 'MemberConnection' });
    expect(rules.rootFields.get('member')).toEqual({ route: 'id', arg: 'id', typeName: 'Member' });
    expect(rules.rootFields.get('networkStats')).toEqual({ route: 'all', merge: 'object', typeName: 'NetworkStats' });
    expect(rules.entities.get('Member')).toEqual({ route: 'id', arg: 'id' });
    expect(rules.keyFields.get('Member')).toEqual(new Set(['id']));
    expect(rules.fieldMerges.get('NetworkStats.byKind')).toEqual({ merge: 'groupBy', key: 'kind' });
    expect(rules.fieldMerges.get('KindStats.count')).toEqual({ merge: 'sum', key: undefined });
    expect(rules.schema.getType('NetworkStats')).toBeDefined();
  });

  it('does not ask for a route on federation’s own root fields', () => {
    const rules = compileShardRules('members', VALID);
    expect(rules.schema.getQueryType()!.getFields()._service).toBeDefined();
    expect(rules.rootFields.has('_service')).toBe(false);
    expect(rules.rootFields.has('_entities')).toBe(false);
  });

  it('rejects a Query field that fans out without a merge rule, naming the field', () => {
    const sdl = VALID.replace('@shard(route: "all", merge: "object")', '@shard(route: "all")');
    const error = compileError(sdl);
    expect(error).toBeInstanceOf(ShardRulesError);
    expect(error.name).toBe('ShardRulesError');
    expect(error.message).toContain('members: Query.networkStats fans out but declares no merge rule');
  });

  it('rejects a Query field without @shard, naming the field', () => {
    const sdl = VALID.replace('member(id: ID!): Member @shard(route: "id", arg: "id")', 'member(id: ID!): Member');
    const error = compileError(sdl);
    expect(error).toBeInstanceOf(ShardRulesError);
    expect(error.message).toContain('Query.member has no @shard(route: …)');
  });

  it('rejects a Query field routed by id without an arg, naming the field', () => {
    const sdl = VALID.replace('member(id: ID!): Member @shard(route: "id", arg: "id")', 'member(id: ID!): Member @shard(route: "id")');
    expect(compileError(sdl).message).toContain('Query.member routes by id but names no arg');
  });

  it('rejects an object-merged type with a field lacking a merge rule, naming type and field', () => {
    const sdl = VALID.replace('largest: Int! @shard(merge: "max")', 'largest: Int!');
    const error = compileError(sdl);
    expect(error).toBeInstanceOf(ShardRulesError);
    expect(error.message).toContain('NetworkStats.largest has no @shard(merge: …)');
    expect(error.message).toContain('Query.networkStats');
  });

  it('rejects a field lacking a merge rule inside a groupBy list of an object merge', () => {
    const sdl = VALID.replace('employees: Int! @shard(merge: "sum")', 'employees: Int!');
    const error = compileError(sdl);
    expect(error).toBeInstanceOf(ShardRulesError);
    expect(error.message).toContain('KindStats.employees has no @shard(merge: …)');
  });

  it('rejects an unknown merge rule, naming the field and the rule', () => {
    const sdl = VALID.replace('smallest: Int! @shard(merge: "min")', 'smallest: Int! @shard(merge: "median")');
    const error = compileError(sdl);
    expect(error).toBeInstanceOf(ShardRulesError);
    expect(error.message).toContain('NetworkStats.smallest: unknown merge rule "median"');
  });

  // Source bug: the checks use `name in MERGE_RULES` / `name in SHARD_ROUTES`, which also finds
  // Object.prototype's members, so "toString" or "constructor" pass as rules.
  it('rejects merge rules and routes that are only members of Object.prototype, like "toString"', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      const badMerge = VALID.replace('smallest: Int! @shard(merge: "min")', `smallest: Int! @shard(merge: "${name}")`);
      expect(compileError(badMerge).message).toContain(`NetworkStats.smallest: unknown merge rule "${name}"`);
      const badRoute = VALID.replace('@shard(route: "id", arg: "id")\n', `@shard(route: "${name}", arg: "id")\n`);
      expect(compileError(badRoute).message).toContain(`Query.member: unknown route "${name}"`);
    }
  });

  it('rejects an unknown route, naming the field', () => {
    const sdl = VALID.replace('member(id: ID!): Member @shard(route: "id", arg: "id")', 'member(id: ID!): Member @shard(route: "random", arg: "id")');
    expect(compileError(sdl).message).toContain('Query.member: unknown route "random"');
  });

  it('rejects a groupBy without a key', () => {
    const sdl = VALID.replace('@shard(merge: "groupBy", key: "kind")', '@shard(merge: "groupBy")');
    expect(compileError(sdl).message).toContain('NetworkStats.byKind: groupBy needs a key');
  });

  it('rejects a resolvable entity type without a route', () => {
    const sdl = VALID.replace('type Member @key(fields: "id") @shard(route: "id", arg: "id")', 'type Member @key(fields: "id")');
    expect(compileError(sdl).message).toContain('entity type Member has no @shard(route: …)');
  });

  it('lists every problem in one error, with the subgraph name', () => {
    const sdl = VALID.replace('largest: Int! @shard(merge: "max")', 'largest: Int!').replace(
      'member(id: ID!): Member @shard(route: "id", arg: "id")',
      'member(id: ID!): Member',
    );
    const error = compileError(sdl);
    expect(error.message).toContain('"members"');
    expect(error.message).toContain('Query.member');
    expect(error.message).toContain('NetworkStats.largest');
  });

  it('accepts an average over sibling sum and count fields, and refuses one that names no such fields', () => {
    const good = VALID.replace('members: Int! @shard(merge: "sum")', 'members: Int! @shard(merge: "sum") employees: Int! @shard(merge: "sum") mean: Float @shard(merge: "average", sum: "employees", count: "members")');
    expect(compileShardRules('members', good).fieldMerges.get('NetworkStats.mean')).toEqual({ merge: 'average', sum: 'employees', count: 'members' });
    const bad = VALID.replace('members: Int! @shard(merge: "sum")', 'members: Int! @shard(merge: "sum") mean: Float @shard(merge: "average", sum: "salaries", count: "members")');
    expect(compileError(bad).message).toContain('NetworkStats.mean: average needs sum and count naming fields of NetworkStats');
  });

  it('routes each mutation to one shard and refuses a mutation that would fan out', () => {
    const mutations = `
type Mutation {
  renameMember(id: ID!, name: String!): Member @shard(route: "id", arg: "id")
  closeCluster(cluster: ID!): Boolean @shard(route: "cluster", arg: "cluster")
}
`;
    const rules = compileShardRules('members', VALID + mutations);
    expect(rules.mutationFields.get('renameMember')).toEqual({ route: 'id', arg: 'id', typeName: 'Member' });
    expect(rules.mutationFields.get('closeCluster')).toEqual({ route: 'cluster', arg: 'cluster', typeName: 'Boolean' });
    expect(rules.rootFields.has('renameMember')).toBe(false);
    const fanned = VALID + mutations.replace('@shard(route: "cluster", arg: "cluster")', '@shard(route: "all", merge: "sum")');
    expect(compileError(fanned).message).toContain('Mutation.closeCluster: a mutation must name its shard');
    const unrouted = VALID + mutations.replace(' @shard(route: "id", arg: "id")\n  closeCluster', '\n  closeCluster');
    expect(compileError(unrouted).message).toContain('Mutation.renameMember: a mutation must name its shard');
  });

  it('routes a mutation by a field of its input, and refuses a path that names no argument', () => {
    const mutations = `
input RenameInput { id: ID!, name: String! }
type Mutation {
  renameMember(input: RenameInput!): Member @shard(route: "id", arg: "input.id")
}
`;
    expect(compileShardRules('members', VALID + mutations).mutationFields.get('renameMember')).toEqual({ route: 'id', arg: 'input.id', typeName: 'Member' });
    const wrong = VALID + mutations.replace('arg: "input.id"', 'arg: "payload.id"');
    expect(compileError(wrong).message).toContain('Mutation.renameMember routes by "payload.id", which names no argument of the field');
  });
});
