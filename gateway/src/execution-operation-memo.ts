import { Kind, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Operation, Schema } from '@apollo/federation-internals';

type OperationFromDocument = (schema: Schema, document: { kind: Kind.DOCUMENT; definitions: readonly DefinitionNode[] }, options?: { operationName?: string; validate?: boolean }) => Operation;

/**
 * The module that defines `operationFromDocument`: the package's index re-exports it through a
 * getter that reads this object's property at every call, so @apollo/gateway's own calls see a
 * replacement set here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself is needed, not a copy of its bindings
const operations = require('@apollo/federation-internals/dist/operations') as { operationFromDocument: OperationFromDocument };

const kept = new WeakMap<Schema, WeakMap<OperationDefinitionNode, { fragments: readonly DefinitionNode[]; operation: Operation }>>();
let installed = false;

/**
 * @apollo/gateway plans an operation once, then at every request builds federation's model of it
 * again (`operationFromDocument`, unvalidated) only to shape the answer: for the page of 50 members
 * that was the largest single cost of @apollo/gateway in a CPU profile of the gateway. The model
 * depends on the schema and the document alone, and Apollo Server hands the gateway the same parsed
 * document for the same text, so the model built for an (API schema, operation node, fragment
 * nodes) is kept and handed back. Only that call is answered from what is kept: any other (the
 * planner's, validated, with an operation name) is built as before.
 */
export function keepExecutionOperations(): void {
  if (installed) return;
  installed = true;
  const build = operations.operationFromDocument;
  operations.operationFromDocument = (schema, document, options) => {
    const [operation, ...fragments] = document.definitions;
    const executionCall = options !== undefined && options.validate === false && options.operationName === undefined && Object.keys(options).length === 1;
    if (!executionCall || operation?.kind !== Kind.OPERATION_DEFINITION) return build(schema, document, options);
    let bySchema = kept.get(schema);
    if (!bySchema) kept.set(schema, (bySchema = new WeakMap()));
    const known = bySchema.get(operation);
    if (known && known.fragments.length === fragments.length && known.fragments.every((fragment, index) => fragment === fragments[index])) return known.operation;
    const built = build(schema, document, options);
    bySchema.set(operation, { fragments, operation: built });
    return built;
  };
}
