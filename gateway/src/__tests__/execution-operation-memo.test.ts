import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { keepExecutionOperations } from '../execution-operation-memo';

const schema = buildSchema('type Query { member(id: ID!): Member members: [Member!]! } type Member { id: ID! name: String! }');
const parsed = parse('query Page($id: ID!) { member(id: $id) { ...Named } members { id } } fragment Named on Member { id name }');
const [operation, fragment] = parsed.definitions as [DefinitionNode, DefinitionNode];
// As @apollo/gateway's executeQueryPlan writes it at every request: a new document around the same nodes.
const asExecutionAsks = () => operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operation, fragment] }, { validate: false });

describe('the operation @apollo/gateway rebuilds at every request, kept', () => {
  beforeAll(() => keepExecutionOperations());

  it('hands back the model built for the same schema and nodes, through the package’s own export', () => {
    const first = asExecutionAsks();
    expect(asExecutionAsks()).toBe(first);
    expect(first.toString()).toBe(operationFromDocument(schema, parsed, { operationName: 'Page' }).toString());
  });

  it('builds afresh for other nodes, another schema, and every call that is not the execution’s', () => {
    const first = asExecutionAsks();
    const reparsed = parse('query Page($id: ID!) { member(id: $id) { ...Named } members { id } } fragment Named on Member { id name }');
    expect(operationFromDocument(schema, reparsed, { validate: false })).not.toBe(first);
    expect(operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operation, reparsed.definitions[1]!] }, { validate: false })).not.toBe(first);
    const other = buildSchema('type Query { member(id: ID!): Member members: [Member!]! } type Member { id: ID! name: String! }');
    expect(operationFromDocument(other, { kind: Kind.DOCUMENT, definitions: [operation, fragment] }, { validate: false })).not.toBe(first);
    const validated = () => operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operation, fragment] });
    expect(validated()).not.toBe(validated());
    const named = () => operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operation, fragment] }, { validate: false, operationName: 'Page' });
    expect(named()).not.toBe(named());
  });

  it('still refuses what the model cannot be built from', () => {
    const wrong = parse('{ nothing }');
    expect(() => operationFromDocument(schema, wrong, { validate: false })).toThrow(/nothing/);
  });
});
