import { parse as parseCsv } from 'csv-parse/sync';
import { AFTER_VARIABLE, ExportError, prepareWalk, walkConnection, type GraphQLResult } from '../connection-walk';
import { cell, columnName, columnsOf, flattenNode } from '../flatten';
import { createRowWriter } from '../row-writer';

describe('prepareWalk', () => {
  it('finds the first connection, pages it with its own variable, and asks for pageInfo', () => {
    const walk = prepareWalk(`query Q($c: [ID!]) { cluster(id: "banat") { name members(first: 100, after: "x") { totalCount edges { node { id } } pageInfo { startCursor } } } }`);
    expect(walk.path).toEqual(['cluster', 'members']);
    expect(walk.query).toContain(`$${AFTER_VARIABLE}: String`);
    expect(walk.query).toContain(`members(first: 100, after: $${AFTER_VARIABLE})`);
    expect(walk.query).toContain('pageInfo {\n        hasNextPage\n        endCursor\n      }');
    expect(walk.query).not.toContain('startCursor');
    expect(walk.query).not.toContain('"x"');
  });

  it('keeps the variable a connection is already paged by', () => {
    const walk = prepareWalk(`query($after: String) { members(first: 100, after: $after) { edges { node { id } } } }`);
    expect(walk.afterVariable).toBe('after');
    expect(walk.query).not.toContain(AFTER_VARIABLE);
  });

  it('follows aliases and fragments to the connection', () => {
    const walk = prepareWalk(`{ all: members { ...Page } } fragment Page on MemberConnection { edges { node { id } } }`);
    expect(walk.path).toEqual(['all']);
  });

  it('refuses what cannot be walked, in words', () => {
    expect(() => prepareWalk('{ clusters { id } }')).toThrow(/no connection/);
    expect(() => prepareWalk('mutation { createMember(input: {}) { id } }')).toThrow(/Only queries/);
    expect(() => prepareWalk('query A { members { edges { node { id } } } } query B { clusters { id } }')).toThrow(/exactly one operation/);
    expect(() => prepareWalk('{ members {')).toThrow(ExportError);
  });
});

describe('walkConnection', () => {
  it('walks every page, and stops at the first error rather than export part of the rows', async () => {
    const pages: Record<string, GraphQLResult> = {
      start: { data: { members: { totalCount: 3, edges: [{ node: { id: 'a' } }, { node: { id: 'b' } }], pageInfo: { hasNextPage: true, endCursor: 'c1' } } } },
      c1: { data: { members: { totalCount: 3, edges: [{ node: { id: 'c' } }], pageInfo: { hasNextPage: false, endCursor: 'c2' } } } },
    };
    const walk = prepareWalk('{ members { totalCount edges { node { id } } } }');
    const seen: unknown[] = [];
    const done = await walkConnection(async (_query, variables) => pages[String(variables[AFTER_VARIABLE] ?? 'start')]!, walk, {}, (nodes) => void seen.push(...nodes));
    expect(seen).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(done).toEqual({ rows: 3, pages: 2, total: 3 });
    const failing = walkConnection(async (_query, variables) => (variables[AFTER_VARIABLE] ? { errors: [{ message: 'Cluster "banat" is unavailable', extensions: { code: 'CLUSTER_UNAVAILABLE' } }] } : pages.start!), walk, {}, () => undefined);
    await expect(failing).rejects.toMatchObject({ code: 'CLUSTER_UNAVAILABLE', message: expect.stringMatching(/Page 2 failed/) });
  });
});

describe('flattening a node into a row', () => {
  const walk = prepareWalk(`{ members { edges { node { id name: name cluster { name } membership { fees { year amountEur } } tags ...More } } } }
    fragment More on Member { kind cluster { region } }`);
  const columns = columnsOf(walk.nodeSelection, walk.fragments);

  it('has one column per leaf, in the order asked, fields of one key merged across fragments', () => {
    expect(columns.map(columnName)).toEqual(['id', 'name', 'cluster.name', 'cluster.region', 'membership.fees.year', 'membership.fees.amountEur', 'tags', 'kind']);
  });

  it('joins values reached through lists, and leaves missing ones empty', () => {
    const node = { id: 'banat:1', name: 'Ana SRL', cluster: { name: 'Banat Software', region: 'VEST' }, membership: { fees: [{ year: 2025, amountEur: 500 }, { year: 2026, amountEur: 600 }] }, tags: ['a', 'b'], kind: 'SME' };
    expect(flattenNode(node, columns)).toEqual(['banat:1', 'Ana SRL', 'Banat Software', 'VEST', '2025; 2026', '500; 600', 'a; b', 'SME']);
    expect(cell({ membership: { fees: [] } }, ['membership', 'fees', 'year'])).toBeNull();
    expect(cell({ cluster: null }, ['cluster', 'name'])).toBeNull();
    expect(cell({ membership: { fees: [{ year: 2025 }] } }, ['membership', 'fees', 'year'])).toBe('2025');
  });

  it('writes CSV that reads back to the same cells, quotes, commas, newlines and unicode included', () => {
    const writer = createRowWriter('csv', columns);
    const tricky = { id: 'banat:2', name: 'Ion, "Popa" & fiii\nSRL', cluster: { name: 'Ș ț ă î â 한국', region: null }, membership: { fees: [] }, tags: [], kind: 'SME' };
    const text = writer.header() + writer.page([tricky]);
    const rows = parseCsv(text) as string[][];
    expect(rows[0]).toEqual(columns.map(columnName));
    expect(rows[1]).toEqual(['banat:2', 'Ion, "Popa" & fiii\nSRL', 'Ș ț ă î â 한국', '', '', '', '', 'SME']);
  });

  it('writes one JSON object per line, as the API gave the node', () => {
    const writer = createRowWriter('jsonl', columns);
    expect(writer.page([{ id: 'a' }, { id: 'b', cluster: null }])).toBe('{"id":"a"}\n{"id":"b","cluster":null}\n');
  });
});
