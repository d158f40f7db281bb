import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * In a Node process of its own: jest's module registry does not read Node's module cache, which
 * is where federation-exports.ts puts its copy of the package's index.
 */
function inNode(code: string): Record<string, unknown> {
  const root = path.resolve(__dirname, '../../..');
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', code], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe("federation-internals' exports as plain values", () => {
  it('gives the packages loaded after the gateway (its result shaping among them) the same exports, as values, and keeps operationFromDocument read at each call', () => {
    const seen = inNode(`
      const published = require('@apollo/federation-internals');
      const names = Object.keys(published);
      const before = Object.fromEntries(names.map((name) => [name, published[name]]));
      const getters = names.filter((name) => typeof Object.getOwnPropertyDescriptor(published, name).get === 'function').length;
      const { keepExecutionOperations } = require('./gateway/src/execution-operation-memo.ts');
      require('./gateway/src/create-gateway.ts');
      const plain = require('@apollo/federation-internals');
      const differing = names.filter((name) => plain[name] !== before[name]);
      const stillGetters = Object.keys(plain).filter((name) => typeof Object.getOwnPropertyDescriptor(plain, name).get === 'function');
      // @apollo/gateway's result shaping, loaded after: it reads its names from the copy.
      let compositeChecks = 0;
      const isCompositeType = plain.isCompositeType;
      plain.isCompositeType = (type) => ((compositeChecks += 1), isCompositeType(type));
      const { computeResponse } = require('@apollo/gateway/dist/resultShaping');
      const schema = plain.buildSchema('type Query { member: Member } type Member { id: ID! employees: Int }');
      const shaped = computeResponse({ operation: plain.operationFromDocument(schema, require('graphql').parse('{ member { employees } }')), variables: {}, input: { member: { employees: 12 } }, introspectionHandling: () => null });
      plain.isCompositeType = isCompositeType;
      keepExecutionOperations();
      const operations = require('@apollo/federation-internals/dist/operations');
      console.log(JSON.stringify({
        names: names.length,
        getters,
        copied: plain !== published,
        sameNames: Object.keys(plain).join() === names.join(),
        differing,
        stillGetters,
        esModule: plain.__esModule === true,
        replacementSeen: plain.operationFromDocument === operations.operationFromDocument && plain.operationFromDocument !== before.operationFromDocument,
        compositeChecks,
        shaped: JSON.stringify(shaped.data),
      }));
    `);
    expect(seen.names).toBeGreaterThan(100);
    // The published index reads every name through a getter: the cost this copy removes.
    expect(seen.getters).toBe(seen.names);
    expect(seen).toMatchObject({ copied: true, sameNames: true, differing: [], stillGetters: ['operationFromDocument'], esModule: true, replacementSeen: true, shaped: '{"member":{"employees":12}}' });
    expect(seen.compositeChecks).toBeGreaterThan(0);
  });
});
