import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The variable the walk pages with; a name no query of people's would use. */
export const AFTER_VARIABLE = 'exportAfter';

export interface PreparedWalk {
  /** The query, with `after: $<afterVariable>` and `pageInfo { hasNextPage endCursor }` on the connection. */
  query: string;
  /** The variable the walk pages with: the query's own when its connection takes `after: $x`. */
  afterVariable: string;
  /** Response keys from `data` to the connection, e.g. ['members'] or ['cluster', 'members']. */
  path: string[];
  /** The connection's node selection, for the columns of a table. */
  nodeSelection: SelectionSetNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

export class ExportError extends Error {
  override name = 'ExportError';

  /** The first GraphQL error's code when a page failed; BAD_USER_INPUT for a query that cannot be walked. */
  constructor(
    message: string,
    readonly code = 'BAD_USER_INPUT',
  ) {
    super(message);
  }
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** The fields of a selection set, fragments spread in place. */
export function fieldsOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: ReadonlySet<string> = new Set()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    return fragment && !seen.has(fragment.name.value) ? fieldsOf(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])) : [];
  });
}

/** The first connection (a field selecting `edges { node }`) in the operation, depth first. */
function findConnection(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, path: string[]): { field: FieldNode; path: string[] } | null {
  for (const field of fieldsOf(selectionSet, fragments)) {
    if (!field.selectionSet) continue;
    const edges = fieldsOf(field.selectionSet, fragments).find((candidate) => candidate.name.value === 'edges' && candidate.selectionSet);
    if (edges && fieldsOf(edges.selectionSet!, fragments).some((candidate) => candidate.name.value === 'node')) return { field, path: [...path, responseKey(field)] };
    const deeper = findConnection(field.selectionSet, fragments, [...path, responseKey(field)]);
    if (deeper) return deeper;
  }
  return null;
}

/**
 * Readies any query for walking its first connection to the end: the connection gets
 * `after: $exportAfter` and `pageInfo { hasNextPage endCursor }` (the caller's own `after` and
 * `pageInfo` give way), and the operation declares the variable.
 */
export function prepareWalk(text: string, operationName?: string): PreparedWalk {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new ExportError(`The query is not valid GraphQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) throw new ExportError(operationName ? `The document has no operation named ${operationName}` : 'The document must hold exactly one operation, or name one');
  if (operation.operation !== 'query') throw new ExportError('Only queries can be exported');
  const fragments = new Map(document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
  const found = findConnection(operation.selectionSet, fragments, []);
  if (!found) throw new ExportError('The query selects no connection (a field with `edges { node { … } }`) to walk');
  const edges = fieldsOf(found.field.selectionSet!, fragments).find((candidate) => candidate.name.value === 'edges')!;
  const node = fieldsOf(edges.selectionSet!, fragments).find((candidate) => candidate.name.value === 'node')!;
  if (!node.selectionSet) throw new ExportError('The connection\u2019s node selects no fields');

  // A connection already paged by a variable of the query's (`after: $after`) keeps it.
  const ownAfter = found.field.arguments?.find((argument) => argument.name.value === 'after')?.value;
  const afterVariable = ownAfter?.kind === Kind.VARIABLE ? ownAfter.name.value : AFTER_VARIABLE;
  const rewritten = visit(document, {
    OperationDefinition(definition) {
      if (definition !== operation) return undefined;
      if (afterVariable !== AFTER_VARIABLE) return undefined;
      const others = (definition.variableDefinitions ?? []).filter((variable) => variable.variable.name.value !== AFTER_VARIABLE);
      return {
        ...definition,
        variableDefinitions: [
          ...others,
          { kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } }, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
        ],
      };
    },
    Field(field) {
      if (field !== found.field) return undefined;
      const args = (field.arguments ?? []).filter((argument) => argument.name.value !== 'after');
      const selections = field.selectionSet!.selections.filter((selection) => !(selection.kind === Kind.FIELD && selection.name.value === 'pageInfo'));
      const pageInfo = parse('{ pageInfo { hasNextPage endCursor } }').definitions[0] as OperationDefinitionNode;
      return {
        ...field,
        arguments: [...args, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: afterVariable } } }],
        selectionSet: { ...field.selectionSet!, selections: [...selections, ...pageInfo.selectionSet.selections] },
      };
    },
  });
  return { query: print(rewritten), afterVariable, path: found.path, nodeSelection: node.selectionSet, fragments };
}

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs the query once; over HTTP for the command, in process for the gateway's endpoint. */
export type Execute = (query: string, variables: Record<string, unknown>) => Promise<GraphQLResult>;

export interface WalkProgress {
  rows: number;
  pages: number;
  /** The connection's `totalCount` when the query selects it. */
  total: number | null;
}

/**
 * Walks the connection page by page, handing each page's nodes on as they come. Any error stops
 * the walk: an export that silently lacks a cluster's rows would be worse than none.
 */
export async function walkConnection(
  execute: Execute,
  walk: PreparedWalk,
  variables: Record<string, unknown>,
  onPage: (nodes: unknown[], progress: WalkProgress) => Promise<void> | void,
  maxPages = 100_000,
): Promise<WalkProgress> {
  const progress: WalkProgress = { rows: 0, pages: 0, total: null };
  let after: string | null = null;
  for (;;) {
    const result = await execute(walk.query, { ...variables, [walk.afterVariable]: after });
    if (result.errors?.length) {
      const code = String(result.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      throw new ExportError(`Page ${progress.pages + 1} failed (${code}): ${result.errors.map((error) => error.message).join('; ')}`, code);
    }
    let connection: unknown = result.data;
    for (const key of walk.path) connection = (connection as Record<string, unknown> | null | undefined)?.[key];
    const page = connection as { edges?: Array<{ node?: unknown }>; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; totalCount?: number } | null | undefined;
    if (!page?.edges) throw new ExportError(`The answer has no connection at ${walk.path.join('.')}`);
    progress.pages += 1;
    progress.rows += page.edges.length;
    if (typeof page.totalCount === 'number') progress.total = page.totalCount;
    await onPage(page.edges.map((edge) => edge.node ?? null), progress);
    if (!page.pageInfo?.hasNextPage || !page.pageInfo.endCursor) return progress;
    if (progress.pages >= maxPages) throw new ExportError(`Stopped after ${maxPages} pages`);
    after = page.pageInfo.endCursor;
  }
}
