import { intersectSdl } from '../schema-intersection';
import { missingFrom } from '../schema-coverage';

const BASE = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

directive @shard(route: String) on FIELD_DEFINITION

type Query {
  members(first: Int, clusters: [ID!]): MemberConnection! @shard(route: "all")
  member(id: ID!): Member
}

type MemberConnection {
  totalCount: Int!
}

type Member @key(fields: "id") {
  id: ID!
  name: String!
  kind: MemberKind!
  version: Int!
}

enum MemberKind {
  SME
  STARTUP
}
`;

describe('intersectSdl', () => {
  it('gives the one SDL back when every shard serves it', () => {
    expect(intersectSdl([BASE, BASE, BASE])).toBe(BASE);
  });

  it('leaves out a field one shard serves ahead of the others, whichever shard comes first', () => {
    const ahead = `${BASE}\nextend type Member {\n  age: Int\n}\n`;
    for (const order of [[ahead, BASE, BASE], [BASE, ahead, BASE]]) {
      const common = intersectSdl(order);
      expect(common).not.toMatch(/\bage\b/);
      expect(missingFrom(common, BASE)).toEqual([]);
      expect(missingFrom(common, ahead)).toEqual([]);
      expect(common).toContain('@shard(route: "all")');
    }
  });

  it('leaves out what one shard behind lacks: a field, an argument, an enum value', () => {
    const behind = BASE.replace('  version: Int!\n', '').replace('first: Int, ', '').replace('  STARTUP\n', '');
    const common = intersectSdl([BASE, behind]);
    expect(missingFrom(common, behind)).toEqual([]);
    expect(common).not.toMatch(/version|STARTUP|first:/);
    expect(common).toMatch(/members\(clusters: \[ID!\]\): MemberConnection!/);
  });

  it('drops a field whose type or required argument differs, and what only pointed at a dropped type', () => {
    const other = BASE.replace('name: String!', 'name: String').replace('type MemberConnection {\n  totalCount: Int!\n}', 'type MemberConnection {\n  count: Int!\n}').replace('member(id: ID!)', 'member(id: ID!, at: String!)');
    const common = intersectSdl([BASE, other]);
    expect(common).not.toMatch(/name:|totalCount|count:|member\(|members\(/);
    expect(common).toMatch(/type Member @key/);
    expect(missingFrom(common, other)).toEqual([]);
  });
});
