import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIST_SIZE, LIST_SIZE_ESTIMATES, operationCost } from '../limits/operation-cost';
import { countRepresentations } from '../limits/entity-representations';
import { measureOperation } from '../limits/operation-shape';
import { ApolloServer } from '@apollo/server';
import { operationLimitsPlugin } from '../limits/operation-limits';

const SCHEMA = buildSchema(`
  type Query { members(first: Int, after: String): MemberConnection! member(id: ID!): Member clusters: [Cluster!]! }
  type MemberConnection { edges: [MemberEdge!]! totalCount: Int! }
  type MemberEdge { node: Member! cursor: String! }
  type Member { id: ID! name: String! workingGroups: [Group!]! tags: [String!]! cluster: Cluster! }
  type Group { id: ID! name: String! }
  type Cluster { id: ID! people: [Person!]! }
  type Person { name: String! }
`);

function shapeOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return (stopAt?: number) => measureOperation(operation, fragments, stopAt);
}

describe('measureOperation', () => {
  it('counts depth, aliases and fields through fragments, inline or named', () => {
    const shape = shapeOf(`{ a: members { edges { node { ...M } } } b: member(id: "x") { ... on Member { id } } } fragment M on Member { id cluster { id } }`)();
    expect(shape).toEqual({ depth: 5, aliases: 2, fields: 8 });
  });

  it('does not count introspection below its root field', () => {
    expect(shapeOf(`{ __schema { types { fields { type { ofType { name } } } } } }`)()).toEqual({ depth: 0, aliases: 0, fields: 1 });
  });

  it('follows a fragment inside itself only once on a path, and stops early on a fragment bomb', () => {
    expect(shapeOf(`{ member(id: "x") { ...A } } fragment A on Member { id ...A }`)().fields).toBe(2);
    const bomb = Array.from({ length: 30 }, (_, index) => `fragment F${index} on Member { ...F${index + 1} ...F${index + 1} }`).join(' ');
    const started = performance.now();
    const shape = shapeOf(`{ member(id: "x") { ...F0 } } ${bomb} fragment F30 on Member { id }`)(500);
    expect(shape.fields).toBeGreaterThan(500);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('operationCost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(SCHEMA, parse(query), variables);

  it('counts a connection page by its first, 20 when omitted, and edges once', () => {
    expect(cost(`{ members(first: 10) { edges { node { id name } } } }`)).toBe(1 + 10 * (1 + 1 + 2));
    expect(cost(`{ members { edges { node { id } } } }`)).toBe(1 + 20 * (1 + 1 + 1));
    expect(cost(`query($n: Int) { members(first: $n) { totalCount } }`, { n: 3 })).toBe(1 + 3 * 1);
  });

  it('counts a plain list by its estimate, or the default', () => {
    expect(cost(`{ member(id: "x") { workingGroups { id } } }`)).toBe(1 + 1 + (LIST_SIZE_ESTIMATES['Member.workingGroups'] ?? 0) * 1);
    expect(cost(`{ member(id: "x") { cluster { people { name } } } }`)).toBe(1 + 1 + 1 + (LIST_SIZE_ESTIMATES['Cluster.people'] ?? 0));
    expect(cost(`{ member(id: "x") { tags } }`)).toBe(1 + 1);
    expect(cost(`{ clusters { id } }`)).toBe(1 + (LIST_SIZE_ESTIMATES['Query.clusters'] ?? DEFAULT_LIST_SIZE));
  });

  it('skips what @skip and @include leave out', () => {
    expect(cost(`{ member(id: "x") { id cluster @skip(if: true) { people { name } } } }`)).toBe(2);
  });
});

describe('at a subgraph', () => {
  const SUBGRAPH = buildSchema(`
    scalar _Any
    union _Entity = Member
    type Query { _entities(representations: [_Any!]!): [_Entity]! members(first: Int): MemberConnection! }
    type MemberConnection { edges: [MemberEdge!]! }
    type MemberEdge { node: Member! }
    type Member { id: ID! name: String! cluster: Cluster! }
    type Cluster { id: ID! members(first: Int): MemberConnection! }
  `);
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id name } } }`;
  const representations = (n: number) => Array.from({ length: n }, (_, index) => ({ __typename: 'Member', id: `banat:${index + 1}` }));
  const parsed = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments = new Map(
      document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    );
    return { document, operation, fragments };
  };

  it('counts `_entities` by the representations really sent, in variables or inline, under aliases and fragments', () => {
    const { operation, fragments } = parsed(`query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } ...F } fragment F on Query { _entities(representations: [{ __typename: "Member", id: "banat:1" }, { __typename: "Member", id: "banat:2" }]) { __typename } }`);
    expect(countRepresentations(operation, fragments, { r: representations(7) })).toBe(9);
    expect(countRepresentations(operation, fragments, {})).toBe(2);
  });

  it('costs `_entities` by its representations, not by an estimate', () => {
    expect(operationCost(SUBGRAPH, parse(ENTITIES), { r: representations(40) })).toBe(1 + 40 * 2);
    // The fault report's shape: a cluster's members' cluster's members, three deep, is a million objects.
    const nest = `{ members(first: 100) { edges { node { cluster { members(first: 100) { edges { node { cluster { members(first: 100) { edges { node { __typename } } } } } } } } } } } }`;
    expect(operationCost(SUBGRAPH, parse(nest), {})).toBeGreaterThan(1_000_000);
  });

  it('leaves out of the alias count the aliases a caller says not to count', () => {
    const { operation, fragments } = parsed(`{ a: members { edges { __sr_edges: node { id } } } __sr_b: members { edges { node { id } } } }`);
    expect(measureOperation(operation, fragments).aliases).toBe(3);
    expect(measureOperation(operation, fragments, undefined, (alias) => !alias.startsWith('__sr_')).aliases).toBe(1);
  });
});

describe('the limits plugin', () => {
  it('measures a document once and refuses it, or lets it through, the same at every request', async () => {
    const server = new ApolloServer({
      typeDefs: `type Query { member: Member } type Member { id: ID! friend: Member }`,
      resolvers: { Query: { member: () => null } },
      plugins: [operationLimitsPlugin({ maxDepth: 3, maxAliases: 2, maxFields: 50, maxCost: 1000 })],
    });
    await server.start();
    try {
      const deep = '{ member { friend { friend { id } } } }';
      const shallow = '{ member { a: id b: id } }';
      const answers = [];
      // The same texts twice, in turn: Apollo Server hands the plugin the same parsed documents again.
      for (const query of [deep, shallow, deep, shallow]) answers.push(await server.executeOperation({ query }));
      const codes = answers.map((answer) => (answer.body.kind === 'single' ? (answer.body.singleResult.errors?.[0]?.extensions?.code ?? 'ok') : 'incremental'));
      expect(codes).toEqual(['QUERY_TOO_COMPLEX', 'ok', 'QUERY_TOO_COMPLEX', 'ok']);
      const third = await server.executeOperation({ query: '{ member { a: id b: id c: id } }' });
      expect(third.body.kind === 'single' && third.body.singleResult.errors?.[0]?.extensions?.measure).toBe('aliases');
    } finally {
      await server.stop();
    }
  });
});
