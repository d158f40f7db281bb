import {
  isAbstractType,
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
import { compareCursors, tryDecodeCursor, type Cursor } from '../../../shared/cursor';
import { tryDecodeGlobalId } from '../../../shared/global-id';
import type { MergeScope } from './merge';
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
  /** The clusters the answering shard serves. */
  own: ReadonlySet<string>;
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
  return verdict(() => {
    const value = data?.[key];
    if (value === undefined || value === null) {
      if (shardReportedErrors) return;
      if (value === undefined) refuse(`no ${key} in the answer`);
    }
    within(key, () => checkValue(value, type, nodes, scope, false, pageOf(nodes[0]!, scope)));
  });
}

/**
 * One shard's `_entities` list for the representations it was sent. `field` is the `_entities`
 * field as sent. An entity's own id must be the representation's; what it holds is checked as usual.
 */
export function checkEntities(list: unknown, representations: ReadonlyArray<Readonly<Record<string, unknown>>>, field: FieldNode, scope: AnswerScope): string | undefined {
  return verdict(() => {
    const key = field.alias?.value ?? field.name.value;
    within(key, () => {
      if (!Array.isArray(list)) refuse('not a list');
      if (list.length !== representations.length) refuse(`${list.length} entities for ${representations.length} representations`);
      list.forEach((entity: unknown, index) => {
        if (entity === null) return;
        within(index, () => {
          const representation = representations[index]!;
          const type = scope.schema.getType(String(representation.__typename));
          if (!isObjectType(type)) refuse(`an entity of unknown type ${String(representation.__typename)}`);
          if (!isRecord(entity)) refuse('not an object');
          if ('__typename' in entity && entity.__typename !== type.name) refuse(`a ${String(entity.__typename)} for a ${type.name}`);
          if ('id' in entity && entity.id !== representation.id) refuse(`${String(entity.id)} for ${String(representation.id)}`);
          checkObject(entity, type, [field], scope, { anyCluster: false, idChecked: true });
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

function checkValue(value: unknown, type: GraphQLOutputType, nodes: readonly FieldNode[], scope: AnswerScope, anyCluster: boolean, page?: ObjectContext['page']): void {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) refuse(`null for the non-null ${String(type)}`);
    checkValue(value, type.ofType, nodes, scope, anyCluster, page);
    return;
  }
  if (value === null) return;
  if (isListType(type)) {
    if (!Array.isArray(value)) refuse(`not a list of ${String(type.ofType)}`);
    value.forEach((item: unknown, index) => within(index, () => checkValue(item, type.ofType, nodes, scope, anyCluster)));
    return;
  }
  if (isLeafType(type)) {
    checkLeaf(value, type);
    return;
  }
  if (!isRecord(value)) refuse(`not an object of type ${type.name}`);
  checkObject(value, type, nodes, scope, { anyCluster, page });
}

function checkObject(value: Readonly<Record<string, unknown>>, type: GraphQLCompositeType, nodes: readonly FieldNode[], scope: AnswerScope, context: ObjectContext): void {
  const concrete = concreteType(value, type, scope);
  const typeName = concrete?.name ?? type.name;
  const fields = concrete ? concrete.getFields() : 'getFields' in type ? type.getFields() : {};
  const selected = collectFields(mergedSubSelection(nodes), typeName, scope);
  for (const [key, fieldNodes] of selected) {
    const name = fieldNodes[0]!.name.value;
    if (!(key in value)) refuse(`no ${key}`);
    const fieldValue = value[key];
    if (name === '__typename') {
      if (concrete && fieldValue !== concrete.name) within(key, () => refuse(`${String(fieldValue)} for a ${concrete.name}`));
      continue;
    }
    const definition = fields[name];
    // A field the schema does not know cannot have been answered by a shard that validated the query.
    if (!definition) continue;
    within(key, () => {
      if (name === 'id' && concrete && !context.idChecked && scope.rules.keyFields.get(typeName)?.has('id')) checkOwnId(fieldValue, typeName, scope, context.anyCluster);
      if (name === 'cursor' && concrete && 'node' in fields) checkOwnCursor(fieldValue, scope, context.anyCluster);
      const anyCluster = context.anyCluster || scope.rules.crossClusterFields.has(`${typeName}.${name}`);
      checkValue(fieldValue, definition.type, fieldNodes, scope, anyCluster, pageOf(fieldNodes[0]!, scope));
    });
  }
  if (context.page && concrete) checkPage(value, concrete, selected, context.page, scope);
}

/** The page a field asks for, when it takes `first`: what its connection's edges must keep within. */
function pageOf(node: FieldNode, scope: AnswerScope): ObjectContext['page'] {
  if (!node.arguments?.some((argument) => argument.name.value === 'first')) return undefined;
  return { first: argumentValue(node, 'first', scope.variables), after: argumentValue(node, 'after', scope.variables) };
}

/** The object type a value is: the type itself, or for an interface or union the one its `__typename` names. */
function concreteType(value: Readonly<Record<string, unknown>>, type: GraphQLCompositeType, scope: AnswerScope): GraphQLObjectType | undefined {
  if (!isAbstractType(type)) return type;
  const typename = value.__typename;
  // Without `__typename` only the fields asked of the abstract type itself can be checked.
  if (typeof typename !== 'string') return undefined;
  const named = scope.schema.getType(typename);
  if (!isObjectType(named) || !scope.schema.isSubType(type, named)) refuse(`${typename} is not a ${type.name}`);
  return named;
}

/** A connection's page: no more edges than `first`, every cursor after `after`, in strictly increasing order. */
function checkPage(value: Readonly<Record<string, unknown>>, type: GraphQLObjectType, selected: Map<string, FieldNode[]>, page: NonNullable<ObjectContext['page']>, scope: AnswerScope): void {
  const edgeType = type.getFields().edges?.type;
  if (!edgeType) return;
  const after = tryDecodeCursor(page.after);
  for (const [key, fieldNodes] of selected) {
    if (fieldNodes[0]!.name.value !== 'edges') continue;
    const edges = value[key] as ReadonlyArray<Record<string, unknown>>;
    if (typeof page.first === 'number' && edges.length > page.first) within(key, () => refuse(`${edges.length} rows where at most ${String(page.first)} were asked for`));
    const cursorKeys = [...collectFields(mergedSubSelection(fieldNodes), unwrappedName(edgeType), scope)].filter(([, nodes]) => nodes[0]!.name.value === 'cursor').map(([cursorKey]) => cursorKey);
    for (const cursorKey of cursorKeys) {
      let previous: Cursor | null = after;
      edges.forEach((edge, index) => {
        const cursor = tryDecodeCursor(edge[cursorKey]);
        if (!cursor) return;
        if (previous && previous.order === cursor.order && directed(compareCursors(previous, cursor), cursor.order) >= 0) {
          within(key, () => within(index, () => refuse(index === 0 ? 'a row not after the cursor asked from' : 'rows out of order or repeated')));
        }
        previous = cursor;
      });
    }
  }
}

function directed(comparison: number, order: string): number {
  return order.endsWith(':DESC') ? -comparison : comparison;
}

function unwrappedName(type: GraphQLOutputType): string {
  return isNonNullType(type) || isListType(type) ? unwrappedName(type.ofType) : type.name;
}

function checkOwnId(value: unknown, typeName: string, scope: AnswerScope, anyCluster: boolean): void {
  if (scope.rules.clusterKeyedTypes.has(typeName)) {
    if (typeof value !== 'string') refuse(`a ${typeName} id that is not a string`);
    if (!anyCluster && !scope.own.has(value)) refuse(`${typeName} "${value}" is another cluster's`);
    return;
  }
  const id = tryDecodeGlobalId(value);
  if (!id) refuse(`malformed ${typeName} id ${JSON.stringify(value)}`);
  if (!anyCluster && !scope.own.has(id.clusterId)) refuse(`${typeName} "${String(value)}" is another cluster's`);
}

function checkOwnCursor(value: unknown, scope: AnswerScope, anyCluster: boolean): void {
  const cursor = tryDecodeCursor(value);
  if (!cursor) refuse('malformed cursor');
  if (!anyCluster && !scope.own.has(cursor.clusterId)) refuse(`a cursor of another cluster's row (${cursor.clusterId}:${cursor.localId})`);
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
