import {
  isAbstractType,
  isUnionType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { compareCursors, type Cursor } from '../../../shared/cursor';
import { decodedCursor } from './cursor-memo';
import { tryDecodeGlobalId } from '../../../shared/global-id';
import type { MergeScope } from './merge-rules';
import type { ShardRules } from './shard-rules';
import { argumentValue, collectFields, mergedSubSelection } from './selection';

/**
 * The trust boundary of the shard router: what a shard may answer. A shard is another
 * organisation's deployment, so its answer is taken only when it fits what was asked of it:
 *
 * - every field asked for is there, with a value of its type (`null` only where the type allows);
 * - every row is the shard's own: entity ids name one of its clusters, a cluster is one it serves,
 *   cursors decode to its rows, unless the field is a declared cross-cluster reference
 *   (`@shard(refs: "any")`), whose ids are checked for form only;
 * - a page holds no more rows than asked, after the cursor asked from, in strictly increasing order
 *   (so no row twice);
 * - `_entities` has one entry per representation, each the entity asked for.
 *
 * A check that fails names the first thing wrong, with its path; the router then refuses that
 * shard's whole answer for the field rather than keep part of it.
 */
export interface AnswerScope extends MergeScope {
  rules: ShardRules;
  /** The clusters the answering shard serves. */
  own: ReadonlySet<string>;
}

/**
 * One check of one answer: the scope, with what is worked out once per selection rather than once
 * per row (the fields a selection asks of a type, a field's page arguments). Plain maps: a run
 * lives for one answer, and weak ones cost the garbage collector more.
 */
interface Run extends AnswerScope {
  selections: Map<readonly FieldNode[], Map<string, Map<string, FieldNode[]>>>;
  checks: Map<readonly FieldNode[], Map<string, FieldCheck[]>>;
  pages: Map<FieldNode, ObjectContext['page']>;
}

function startRun(scope: AnswerScope): Run {
  return { ...scope, selections: new Map(), checks: new Map(), pages: new Map() };
}

/** The fields `nodes` ask of an object of `typeName`, collected once per run. */
function selectedFields(nodes: readonly FieldNode[], typeName: string, run: Run): Map<string, FieldNode[]> {
  let byType = run.selections.get(nodes);
  if (!byType) {
    byType = new Map();
    run.selections.set(nodes, byType);
  }
  let selected = byType.get(typeName);
  if (!selected) {
    selected = collectFields(nodes.length === 1 ? nodes[0]!.selectionSet : mergedSubSelection(nodes), typeName, run);
    byType.set(typeName, selected);
  }
  return selected;
}


class Refusal extends Error {
  readonly path: Array<string | number> = [];
}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

/** The reason a refusal names: what was wrong, and where. */
function describe(refusal: Refusal): string {
  return refusal.path.length > 0 ? `${refusal.message} at ${refusal.path.join('.')}` : refusal.message;
}

/** Runs a check, returning why it refused (undefined when the answer is fine). Other errors are ours and propagate. */
function verdict(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return describe(error);
    throw error;
  }
}

/**
 * A root field's value in one shard's answer. `shardReportedErrors`: a shard that reported an error
 * may leave a field out or null (its error travels on to the client); one that reported none may not.
 */
export function checkRootField(
  data: Readonly<Record<string, unknown>> | null | undefined,
  key: string,
  nodes: readonly FieldNode[],
  type: GraphQLOutputType,
  scope: AnswerScope,
  shardReportedErrors: boolean,
): string | undefined {
  const run = startRun(scope);
  return verdict(() => {
    const value = data?.[key];
    if (value === undefined || value === null) {
      if (shardReportedErrors) return;
      if (value === undefined) refuse(`no ${key} in the answer`);
    }
    within(key, () => checkValue(value, type, nodes, run, false, pageOf(nodes[0]!, run)));
  });
}

/**
 * One shard's `_entities` list for the representations it was sent. `field` is the `_entities`
 * field as sent. An entity's own id must be the representation's; what it holds is checked as usual.
 */
export function checkEntities(list: unknown, representations: ReadonlyArray<Readonly<Record<string, unknown>>>, field: FieldNode, scope: AnswerScope): string | undefined {
  const run = startRun(scope);
  const nodes = [field];
  return verdict(() => {
    const key = field.alias?.value ?? field.name.value;
    within(key, () => {
      if (!Array.isArray(list)) refuse('not a list');
      if (list.length !== representations.length) refuse(`${list.length} entities for ${representations.length} representations`);
      list.forEach((entity: unknown, index) => {
        if (entity === null) return;
        within(index, () => {
          const representation = representations[index]!;
          const type = run.schema.getType(String(representation.__typename));
          if (!isObjectType(type)) refuse(`an entity of unknown type ${String(representation.__typename)}`);
          if (!isRecord(entity)) refuse('not an object');
          if ('__typename' in entity && entity.__typename !== type.name) refuse(`a ${String(entity.__typename)} for a ${type.name}`);
          if ('id' in entity && entity.id !== representation.id) refuse(`${String(entity.id)} for ${String(representation.id)}`);
          checkObject(entity, type, nodes, run, { anyCluster: false, idChecked: true });
        });
      });
    });
  });
}

interface ObjectContext {
  /** Under a cross-cluster reference: ids and cursors checked for form only. */
  anyCluster: boolean;
  /** The object's own id was already checked by the caller (an entity against its representation). */
  idChecked?: boolean;
  /** The page arguments of the field holding a connection: at most `first` rows, after `after`. */
  page?: { first: unknown; after: unknown };
}

/**
 * What a position's type asks of a value, worked out once per type: graphql-js's type predicates
 * are cheap alone but run for every value of every row here.
 */
type Shape =
  | { kind: 'non-null'; of: GraphQLOutputType; text: string }
  | { kind: 'list'; of: GraphQLOutputType; text: string }
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'composite'; type: GraphQLCompositeType };
const SHAPES = new WeakMap<GraphQLOutputType, Shape>();

function shapeOf(type: GraphQLOutputType): Shape {
  let shape = SHAPES.get(type);
  if (!shape) {
    if (isNonNullType(type)) shape = { kind: 'non-null', of: type.ofType, text: String(type) };
    else if (isListType(type)) shape = { kind: 'list', of: type.ofType, text: String(type.ofType) };
    else if (isLeafType(type)) shape = { kind: 'leaf', type };
    else shape = { kind: 'composite', type };
    SHAPES.set(type, shape);
  }
  return shape;
}

function checkValue(value: unknown, type: GraphQLOutputType, nodes: readonly FieldNode[], run: Run, anyCluster: boolean, page?: ObjectContext['page']): void {
  const shape = shapeOf(type);
  if (shape.kind === 'non-null') {
    if (value === null || value === undefined) refuse(`null for the non-null ${shape.text}`);
    checkValue(value, shape.of, nodes, run, anyCluster, page);
    return;
  }
  if (value === null) return;
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) refuse(`not a list of ${shape.text}`);
    for (let index = 0; index < value.length; index++) {
      try {
        checkValue(value[index], shape.of, nodes, run, anyCluster);
      } catch (error) {
        if (error instanceof Refusal) error.path.unshift(index);
        throw error;
      }
    }
    return;
  }
  if (shape.kind === 'leaf') {
    checkLeaf(value, shape.type);
    return;
  }
  if (!isRecord(value)) refuse(`not an object of type ${shape.type.name}`);
  checkObject(value, shape.type, nodes, run, { anyCluster, page });
}

/** One field a selection asks of an object of one type, with what checking it needs, worked out once per run. */
interface FieldCheck {
  key: string;
  name: string;
  nodes: FieldNode[];
  /** Its declared type; undefined for `__typename` and for a field the schema does not know. */
  type: GraphQLOutputType | undefined;
  /** The entity key `id`, which must name one of the shard's clusters. */
  ownId: boolean;
  /** An edge's cursor, which must point at one of the shard's rows. */
  ownCursor: boolean;
  /** A declared cross-cluster reference (`@shard(refs: "any")`). */
  crossCluster: boolean;
  page: ObjectContext['page'];
}

function fieldChecks(nodes: readonly FieldNode[], type: GraphQLCompositeType, concrete: boolean, run: Run): FieldCheck[] {
  let byType = run.checks.get(nodes);
  if (!byType) {
    byType = new Map();
    run.checks.set(nodes, byType);
  }
  let checks = byType.get(type.name);
  if (!checks) {
    const fields = isUnionType(type) ? {} : type.getFields();
    const keyed = run.rules.keyFields.get(type.name)?.has('id') ?? false;
    checks = [...selectedFields(nodes, type.name, run)].map(([key, fieldNodes]) => {
      const name = fieldNodes[0]!.name.value;
      return {
        key,
        name,
        nodes: fieldNodes,
        // A field the schema does not know cannot have been answered by a shard that validated the query.
        type: name === '__typename' ? undefined : fields[name]?.type,
        ownId: concrete && keyed && name === 'id',
        ownCursor: concrete && name === 'cursor' && 'node' in fields,
        crossCluster: run.rules.crossClusterFields.has(`${type.name}.${name}`),
        page: pageOf(fieldNodes[0]!, run),
      };
    });
    byType.set(type.name, checks);
  }
  return checks;
}

function checkObject(value: Readonly<Record<string, unknown>>, type: GraphQLCompositeType, nodes: readonly FieldNode[], run: Run, context: ObjectContext): void {
  const concrete = concreteType(value, type, run);
  const checks = fieldChecks(nodes, concrete ?? type, concrete !== undefined, run);
  for (const check of checks) {
    if (!(check.key in value)) refuse(`no ${check.key}`);
    const fieldValue = value[check.key];
    // No closure per field and row: the path is added only when a refusal passes through.
    try {
      if (check.name === '__typename') {
        if (concrete && fieldValue !== concrete.name) refuse(`${String(fieldValue)} for a ${concrete.name}`);
        continue;
      }
      if (!check.type) continue;
      if (check.ownId && !context.idChecked) checkOwnId(fieldValue, concrete!.name, run, context.anyCluster);
      if (check.ownCursor) checkOwnCursor(fieldValue, run, context.anyCluster);
      checkValue(fieldValue, check.type, check.nodes, run, context.anyCluster || check.crossCluster, check.page);
    } catch (error) {
      if (error instanceof Refusal) error.path.unshift(check.key);
      throw error;
    }
  }
  if (context.page && concrete) checkPage(value, concrete, checks, context.page, run);
}

/** The page a field asks for, when it takes `first`: what its connection's edges must keep within. */
function pageOf(node: FieldNode, run: Run): ObjectContext['page'] {
  if (!node.arguments?.length) return undefined;
  if (run.pages.has(node)) return run.pages.get(node);
  const page = node.arguments.some((argument) => argument.name.value === 'first')
    ? { first: argumentValue(node, 'first', run.variables), after: argumentValue(node, 'after', run.variables) }
    : undefined;
  run.pages.set(node, page);
  return page;
}

/** The object type a value is: the type itself, or for an interface or union the one its `__typename` names. */
function concreteType(value: Readonly<Record<string, unknown>>, type: GraphQLCompositeType, run: Run): GraphQLObjectType | undefined {
  if (!isAbstractType(type)) return type;
  const typename = value.__typename;
  // Without `__typename` only the fields asked of the abstract type itself can be checked.
  if (typeof typename !== 'string') return undefined;
  const named = run.schema.getType(typename);
  if (!isObjectType(named) || !run.schema.isSubType(type, named)) refuse(`${typename} is not a ${type.name}`);
  return named;
}

/** A connection's page: no more edges than `first`, every cursor after `after`, in strictly increasing order. */
function checkPage(value: Readonly<Record<string, unknown>>, type: GraphQLObjectType, checks: readonly FieldCheck[], page: NonNullable<ObjectContext['page']>, run: Run): void {
  const edgeType = type.getFields().edges?.type;
  if (!edgeType) return;
  const after = decodedCursor(page.after);
  for (const check of checks) {
    if (check.name !== 'edges') continue;
    const key = check.key;
    const edges = value[key] as ReadonlyArray<Record<string, unknown>>;
    if (typeof page.first === 'number' && edges.length > page.first) within(key, () => refuse(`${edges.length} rows where at most ${String(page.first)} were asked for`));
    const cursorKeys = [...selectedFields(check.nodes, unwrappedName(edgeType), run)].filter(([, nodes]) => nodes[0]!.name.value === 'cursor').map(([cursorKey]) => cursorKey);
    for (const cursorKey of cursorKeys) {
      let previous: Cursor | null = after;
      for (let index = 0; index < edges.length; index++) {
        const cursor = decodedCursor(edges[index]![cursorKey]);
        if (!cursor) continue;
        if (previous && previous.order === cursor.order && directed(compareCursors(previous, cursor), cursor.order) >= 0) {
          within(key, () => within(index, () => refuse(index === 0 ? 'a row not after the cursor asked from' : 'rows out of order or repeated')));
        }
        previous = cursor;
      }
    }
  }
}

function directed(comparison: number, order: string): number {
  return order.endsWith(':DESC') ? -comparison : comparison;
}

function unwrappedName(type: GraphQLOutputType): string {
  return isNonNullType(type) || isListType(type) ? unwrappedName(type.ofType) : type.name;
}

function checkOwnId(value: unknown, typeName: string, run: Run, anyCluster: boolean): void {
  if (run.rules.clusterKeyedTypes.has(typeName)) {
    if (typeof value !== 'string') refuse(`a ${typeName} id that is not a string`);
    if (!anyCluster && !run.own.has(value)) refuse(`${typeName} "${value}" is another cluster's`);
    return;
  }
  const id = tryDecodeGlobalId(value);
  if (!id) refuse(`malformed ${typeName} id ${JSON.stringify(value)}`);
  if (!anyCluster && !run.own.has(id.clusterId)) refuse(`${typeName} "${String(value)}" is another cluster's`);
}

function checkOwnCursor(value: unknown, run: Run, anyCluster: boolean): void {
  const cursor = decodedCursor(value);
  if (!cursor) refuse('malformed cursor');
  if (!anyCluster && !run.own.has(cursor.clusterId)) refuse(`a cursor of another cluster's row (${cursor.clusterId}:${cursor.localId})`);
}

const INT_RANGE = 2 ** 31;

/** What a value of each built-in scalar may be in a JSON answer. */
const SCALAR_FITS: Readonly<Record<string, (value: unknown) => boolean>> = {
  Int: (value) => Number.isInteger(value) && Math.abs(value as number) < INT_RANGE,
  Float: (value) => typeof value === 'number' && Number.isFinite(value),
  String: (value) => typeof value === 'string',
  Boolean: (value) => typeof value === 'boolean',
  ID: (value) => typeof value === 'string' || Number.isInteger(value),
};

function checkLeaf(value: unknown, type: GraphQLLeafType): void {
  if (isEnumType(type)) {
    if (typeof value !== 'string' || !type.getValue(value)) refuse(`${JSON.stringify(value)} is not a ${type.name}`);
    return;
  }
  // Scalars of our own (none are sharded today) are taken as any JSON value.
  const check = SCALAR_FITS[type.name];
  if (check && !check(value)) refuse(`${JSON.stringify(value)?.slice(0, 40)} is not a ${type.name}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs `check` with `part` added in front of the path of any refusal it raises. */
function within(part: string | number, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof Refusal) error.path.unshift(part);
    throw error;
  }
}

/** The checks the router applies to every shard answer; only the benchmark replaces them, to measure what they cost. */
export interface AnswerChecks {
  rootField: typeof checkRootField;
  entities: typeof checkEntities;
}

export const ANSWER_CHECKS: AnswerChecks = { rootField: checkRootField, entities: checkEntities };
