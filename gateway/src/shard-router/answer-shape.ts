import {
  isAbstractType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { compareCursors, type Cursor } from '../../../shared/cursor';
import { tryDecodeGlobalId } from '../../../shared/global-id';
import { decodedCursor } from './cursor-memo';
import type { MergeScope } from './merge-rules';
import { argumentValue, collectFields, mergedSubSelection, type Variables } from './selection';
import type { ShardRules } from './shard-rules';

/**
 * What a shard's answer must look like under one selection, compiled once into plain functions:
 * for every position of the selection, the test its value must pass. Compiling walks the
 * selection, the schema and the `@shard` rules; checking an answer then only walks the answer.
 * A compiled shape holds no request's data: what varies per answer (the clusters the shard serves,
 * the page arguments' values) comes in the `AnswerRun` it is given.
 */

/** What compiling reads: the schema and rules, the operation's fragments, and the variables of its `@skip`/`@include` conditions. */
export interface ShapeScope extends MergeScope {
  rules: ShardRules;
}

/** What one check of one answer is given beside the answer. */
export interface AnswerRun {
  /** The clusters the answering shard serves. */
  own: ReadonlySet<string>;
  /** The variables the shard was sent: page arguments are read from them. */
  variables: Variables;
}

/** A refusal, raised with where it happened; each level of the answer adds its part to the path on the way out. */
export class Refusal extends Error {
  readonly path: Array<string | number> = [];
}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}

/** Runs `check` with `part` added in front of the path of any refusal it raises. */
export function within(part: string | number, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof Refusal) error.path.unshift(part);
    throw error;
  }
}

/** The test one position's value must pass; it throws a `Refusal` when the value does not fit. */
export type ValueCheck = (value: unknown, run: AnswerRun) => void;
/** The test one object must pass, its `__typename` already resolved. */
type ObjectCheck = (value: Readonly<Record<string, unknown>>, run: AnswerRun) => void;

/** How a position is held: under a cross-cluster reference ids are checked for form only. */
interface Position {
  anyCluster: boolean;
  /** The field holding a connection, when it takes `first`: its page arguments bound the edges. */
  pageField?: FieldNode;
  /** The object's own id was checked by the caller already (an entity against its representation). */
  idChecked?: boolean;
}

/** The check of a value of `type` under the fields `nodes` select. */
export function compileValue(type: GraphQLOutputType, nodes: readonly FieldNode[], scope: ShapeScope, position: Position): ValueCheck {
  if (isNonNullType(type)) {
    const inner = compileValue(type.ofType, nodes, scope, position);
    const text = String(type);
    return (value, run) => {
      if (value === null || value === undefined) refuse(`null for the non-null ${text}`);
      inner(value, run);
    };
  }
  if (isListType(type)) {
    const inner = compileValue(type.ofType, nodes, scope, { anyCluster: position.anyCluster });
    const text = String(type.ofType);
    return (value, run) => {
      if (value === null) return;
      if (!Array.isArray(value)) refuse(`not a list of ${text}`);
      for (let index = 0; index < value.length; index++) {
        try {
          inner(value[index], run);
        } catch (error) {
          if (error instanceof Refusal) error.path.unshift(index);
          throw error;
        }
      }
    };
  }
  if (isLeafType(type)) return compileLeaf(type);
  return compileComposite(type, nodes, scope, position);
}

/** The page a field asks for when it takes `first`: the field itself, whose arguments are read per answer. */
export function pageFieldOf(node: FieldNode): FieldNode | undefined {
  return node.arguments?.some((argument) => argument.name.value === 'first') ? node : undefined;
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

function compileLeaf(type: GraphQLLeafType): ValueCheck {
  if (isEnumType(type)) {
    return (value) => {
      if (value === null) return;
      if (typeof value !== 'string' || !type.getValue(value)) refuse(`${JSON.stringify(value)} is not a ${type.name}`);
    };
  }
  const fits = SCALAR_FITS[type.name];
  // Scalars of our own (none are sharded today) are taken as any JSON value.
  if (!fits) return () => undefined;
  return (value) => {
    if (value === null) return;
    if (!fits(value)) refuse(`${JSON.stringify(value)?.slice(0, 40)} is not a ${type.name}`);
  };
}

function compileComposite(type: GraphQLCompositeType, nodes: readonly FieldNode[], scope: ShapeScope, position: Position): ValueCheck {
  if (!isAbstractType(type)) {
    const check = compileObject(type, type, nodes, scope, position);
    return (value, run) => {
      if (value === null) return;
      if (!isRecord(value)) refuse(`not an object of type ${type.name}`);
      check(value, run);
    };
  }
  // An interface or union: the object type its `__typename` names, each compiled when first seen.
  const byTypename = new Map<string, ObjectCheck>();
  let untyped: ObjectCheck | undefined;
  return (value, run) => {
    if (value === null) return;
    if (!isRecord(value)) refuse(`not an object of type ${type.name}`);
    const typename = value.__typename;
    if (typeof typename !== 'string') {
      // Without `__typename` only the fields asked of the abstract type itself can be checked.
      untyped ??= compileObject(type, undefined, nodes, scope, position);
      untyped(value, run);
      return;
    }
    let check = byTypename.get(typename);
    if (!check) {
      const named = scope.schema.getType(typename);
      if (!isObjectType(named) || !scope.schema.isSubType(type, named)) refuse(`${typename} is not a ${type.name}`);
      check = compileObject(named, named, nodes, scope, position);
      byTypename.set(typename, check);
    }
    check(value, run);
  };
}

/** One field a selection asks of an object, with the tests its value takes. */
interface FieldCheck {
  key: string;
  name: string;
  nodes: FieldNode[];
  /** Undefined for `__typename` and for a field the schema does not know (a shard that validated the query cannot have answered it). */
  value?: ValueCheck;
  /** The entity key `id`, which must name one of the shard's clusters. */
  ownId: boolean;
  /** An edge's cursor, which must point at one of the shard's rows. */
  ownCursor: boolean;
}

/** The fields `nodes` ask of an object of `typeName`. */
export function selectedFields(nodes: readonly FieldNode[], typeName: string, scope: ShapeScope): Map<string, FieldNode[]> {
  return collectFields(nodes.length === 1 ? nodes[0]!.selectionSet : mergedSubSelection(nodes), typeName, scope);
}

/**
 * The check of an object of `type`; `concrete` is the object type it is, undefined for an
 * abstract type's value without `__typename`, of which only the fields asked of the abstract type
 * are checked, and none of its ids or page.
 */
function compileObject(type: GraphQLCompositeType, concrete: GraphQLObjectType | undefined, nodes: readonly FieldNode[], scope: ShapeScope, position: Position): ObjectCheck {
  const fields = isUnionType(type) ? {} : type.getFields();
  const keyed = scope.rules.keyFields.get(type.name)?.has('id') ?? false;
  const idKind = concrete ? (scope.rules.clusterKeyedTypes.has(concrete.name) ? 'cluster' : 'global') : undefined;
  const checks: FieldCheck[] = [...selectedFields(nodes, type.name, scope)].map(([key, fieldNodes]) => {
    const name = fieldNodes[0]!.name.value;
    const fieldType = name === '__typename' ? undefined : fields[name]?.type;
    const crossCluster = scope.rules.crossClusterFields.has(`${type.name}.${name}`);
    return {
      key,
      name,
      nodes: fieldNodes,
      value: fieldType && compileValue(fieldType, fieldNodes, scope, { anyCluster: position.anyCluster || crossCluster, pageField: pageFieldOf(fieldNodes[0]!) }),
      ownId: concrete !== undefined && keyed && name === 'id' && !position.idChecked,
      ownCursor: concrete !== undefined && name === 'cursor' && 'node' in fields,
    };
  });
  const page = concrete && position.pageField ? compilePage(concrete, checks, position.pageField, scope) : undefined;
  const { anyCluster } = position;
  const typeName = concrete?.name ?? type.name;
  return (value, run) => {
    for (const check of checks) {
      if (!(check.key in value)) refuse(`no ${check.key}`);
      const fieldValue = value[check.key];
      try {
        if (check.name === '__typename') {
          if (concrete && fieldValue !== concrete.name) refuse(`${String(fieldValue)} for a ${concrete.name}`);
          continue;
        }
        if (!check.value) continue;
        if (check.ownId) checkOwnId(fieldValue, typeName, idKind!, run, anyCluster);
        if (check.ownCursor) checkOwnCursor(fieldValue, run, anyCluster);
        check.value(fieldValue, run);
      } catch (error) {
        if (error instanceof Refusal) error.path.unshift(check.key);
        throw error;
      }
    }
    page?.(value, run);
  };
}

/** A connection's page: no more edges than `first`, every cursor after `after`, in strictly increasing order. */
function compilePage(type: GraphQLObjectType, checks: readonly FieldCheck[], pageField: FieldNode, scope: ShapeScope): ObjectCheck | undefined {
  const edgeType = type.getFields().edges?.type;
  if (!edgeType) return undefined;
  const edgeTypeName = unwrappedName(edgeType);
  const edgeLists = checks
    .filter((check) => check.name === 'edges')
    .map((check) => ({
      key: check.key,
      cursorKeys: [...selectedFields(check.nodes, edgeTypeName, scope)].filter(([, nodes]) => nodes[0]!.name.value === 'cursor').map(([cursorKey]) => cursorKey),
    }));
  if (edgeLists.length === 0) return undefined;
  return (value, run) => {
    const first = argumentValue(pageField, 'first', run.variables);
    const after = decodedCursor(argumentValue(pageField, 'after', run.variables));
    for (const { key, cursorKeys } of edgeLists) {
      const edges = value[key] as ReadonlyArray<Record<string, unknown>> | null;
      if (!edges) continue;
      if (typeof first === 'number' && edges.length > first) within(key, () => refuse(`${edges.length} rows where at most ${String(first)} were asked for`));
      for (const cursorKey of cursorKeys) {
        let previous: Readonly<Cursor> | null = after;
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
  };
}

/** The check of an `_entities` entry of object type `type`, whose id was compared with its representation's already. */
export function compileEntity(type: GraphQLObjectType, field: FieldNode, scope: ShapeScope): (entity: Readonly<Record<string, unknown>>, run: AnswerRun) => void {
  return compileObject(type, type, [field], scope, { anyCluster: false, idChecked: true });
}

function directed(comparison: number, order: string): number {
  return order.endsWith(':DESC') ? -comparison : comparison;
}

function unwrappedName(type: GraphQLOutputType): string {
  return isNonNullType(type) || isListType(type) ? unwrappedName(type.ofType) : type.name;
}

function checkOwnId(value: unknown, typeName: string, kind: 'cluster' | 'global', run: AnswerRun, anyCluster: boolean): void {
  if (kind === 'cluster') {
    if (typeof value !== 'string') refuse(`a ${typeName} id that is not a string`);
    if (!anyCluster && !run.own.has(value)) refuse(`${typeName} "${value}" is another cluster's`);
    return;
  }
  const id = tryDecodeGlobalId(value);
  if (!id) refuse(`malformed ${typeName} id ${JSON.stringify(value)}`);
  if (!anyCluster && !run.own.has(id.clusterId)) refuse(`${typeName} "${String(value)}" is another cluster's`);
}

function checkOwnCursor(value: unknown, run: AnswerRun, anyCluster: boolean): void {
  const cursor = decodedCursor(value);
  if (!cursor) refuse('malformed cursor');
  if (!anyCluster && !run.own.has(cursor.clusterId)) refuse(`a cursor of another cluster's row (${cursor.clusterId}:${cursor.localId})`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
