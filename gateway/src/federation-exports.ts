/**
 * @apollo/federation-internals' exports as plain values for the packages loaded after this module.
 *
 * The package's index re-exports its modules through TypeScript's `export *`, which defines every
 * name as a getter that reads the module's property at each call. @apollo/gateway's result
 * shaping calls several of those names (`isNonNullType`, `isListType`, `isCompositeType`,
 * `assert`, `isValidLeafValue`…) for every value of every answer: for the page of 50 members
 * over 9 shards the getters alone were about 4% of the gateway's CPU (65 to 75 µs a request in a
 * CPU profile). Every export of the package is set once, when its module loads, and never
 * reassigned, so a copy of the index holding the same values answers every name alike. The one
 * export this gateway replaces at run time, `operationFromDocument` (see
 * execution-operation-memo.ts), stays a getter, so @apollo/gateway's calls see the replacement.
 *
 * The copy takes the index's place in Node's module cache: it reaches the packages loaded after
 * this module (create-gateway.ts imports it before @apollo/gateway), and a package loaded earlier
 * keeps the index it was given, which answers the same. A module registry of its own (jest's) does
 * not read Node's cache: there the package is used as published.
 */

/** The exports read at every call: the ones this gateway may replace after the package loads. */
const READ_THROUGH: Readonly<Record<string, string>> = { operationFromDocument: '@apollo/federation-internals/dist/operations' };

function installPlainExports(): void {
  const indexPath = require.resolve('@apollo/federation-internals');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the index object itself is copied, not its bindings
  const index = require('@apollo/federation-internals') as Record<string, unknown>;
  // Absent under a module registry of its own (jest's), which keeps no entry there.
  const cached = require.cache[indexPath];
  if (!cached) return;
  const plain: Record<string, unknown> = {};
  for (const name of Object.keys(index)) {
    const owner = READ_THROUGH[name];
    if (owner === undefined) {
      plain[name] = index[name];
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module whose property is replaced, read at each call as the index does
    const module = require(owner) as Record<string, unknown>;
    Object.defineProperty(plain, name, { enumerable: true, get: () => module[name] });
  }
  Object.defineProperty(plain, '__esModule', { value: true });
  cached.exports = plain;
}

installPlainExports();
