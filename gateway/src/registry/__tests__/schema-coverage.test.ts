import { missingFrom } from '../schema-coverage';

const NETWORK = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { members(first: Int, clusters: [ID!]): MemberConnection! member(id: ID!): Member }
  type MemberConnection { totalCount: Int! }
  type Member @key(fields: "id") { id: ID! name: String! kind: MemberKind! }
  enum MemberKind { SME STARTUP }
  input MemberFilter { kind: [MemberKind!] city: String }
`;

describe('missingFrom', () => {
  it('finds nothing missing in the same schema, nor in one that serves more', () => {
    expect(missingFrom(NETWORK, NETWORK)).toEqual([]);
    const ahead = NETWORK.replace('kind: MemberKind! }', 'kind: MemberKind! website: String }').replace('member(id: ID!)', 'member(id: ID!, locale: String)').replace('SME STARTUP', 'SME STARTUP UNIVERSITY');
    expect(missingFrom(NETWORK, ahead)).toEqual([]);
  });

  it('names each field, argument, enum value and type a deployment behind lacks', () => {
    const behind = NETWORK.replace(' kind: MemberKind! }', ' }').replace('first: Int, ', '').replace('SME STARTUP', 'SME').replace('type MemberConnection { totalCount: Int! }', '');
    expect(missingFrom(NETWORK, behind).sort()).toEqual(['Member.kind', 'MemberKind.STARTUP', 'Query.members(first:)', 'type MemberConnection'].sort());
  });

  it('counts a changed type or default, and an argument or input field it requires that the gateway never sends', () => {
    const other = NETWORK.replace('name: String!', 'name: String').replace('member(id: ID!)', 'member(id: ID!, at: String!)').replace('city: String }', 'city: String region: String! }').replace('first: Int,', 'first: Int = 20,');
    expect(missingFrom(NETWORK, other).sort()).toEqual(
      ['Member.name as String! (it serves String)', 'MemberFilter.region which it requires', 'Query.member(at:) which it requires', 'Query.members(first:) as Int (it serves Int = 20)'].sort(),
    );
  });
});
