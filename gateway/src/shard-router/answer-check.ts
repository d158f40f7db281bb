import { isObjectType, type FieldNode, type FragmentDefinitionNode, type GraphQLOutputType } from 'graphql';
import { compileEntity, compileValue, isRecord, pageFieldOf, refuse, Refusal, within, type AnswerRun, type ShapeScope, type ValueCheck } from './answer-shape';
import { conditionOutcome, conditionVariables, type Variables } from './selection';
import type { ShardRules } from './shard-rules';

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
 *
 * What a selection asks is compiled once (`answer-shape.ts`) and kept with the selection's field
 * nodes, which the router keeps with the operation's plan: the shards' answers to one request, and
 * to every later request of the same operation, are each checked by walking the answer alone.
 */
export interface AnswerScope extends ShapeScope {
  /** The clusters the answering shard serves. */
  own: ReadonlySet<string>;
}

/** Why a check refused: what was wrong, and where. */
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
  const check = compiledRoot(nodes, type, scope);
  const run: AnswerRun = { own: scope.own, variables: scope.variables };
  return verdict(() => {
    const value = data?.[key];
    if (value === undefined || value === null) {
      if (shardReportedErrors) return;
      if (value === undefined) refuse(`no ${key} in the answer`);
    }
    within(key, () => check(value, run));
  });
}

/**
 * One shard's `_entities` list for the representations it was sent. `field` is the `_entities`
 * field as sent. An entity's own id must be the representation's; what it holds is checked as usual.
 */
export function checkEntities(list: unknown, representations: ReadonlyArray<Readonly<Record<string, unknown>>>, field: FieldNode, scope: AnswerScope): string | undefined {
  const shapes = compiledEntities(field, scope);
  const run: AnswerRun = { own: scope.own, variables: scope.variables };
  return verdict(() => {
    const key = field.alias?.value ?? field.name.value;
    within(key, () => {
      if (!Array.isArray(list)) refuse('not a list');
      if (list.length !== representations.length) refuse(`${list.length} entities for ${representations.length} representations`);
      list.forEach((entity: unknown, index) => {
        if (entity === null) return;
        within(index, () => {
          const representation = representations[index]!;
          const typename = String(representation.__typename);
          let check = shapes.get(typename);
          if (!check) {
            const type = scope.schema.getType(typename);
            if (!isObjectType(type)) refuse(`an entity of unknown type ${typename}`);
            check = compileEntity(type, field, scope);
            shapes.set(typename, check);
          }
          if (!isRecord(entity)) refuse('not an object');
          if ('__typename' in entity && entity.__typename !== typename) refuse(`a ${String(entity.__typename)} for a ${typename}`);
          if ('id' in entity && entity.id !== representation.id) refuse(`${String(entity.id)} for ${String(representation.id)}`);
          check(entity, run);
        });
      });
    });
  });
}

/**
 * Compiled shapes, kept with the first field node of the selection they check. A shape holds for
 * one set of rules, one declared type and one set of `@skip`/`@include` outcomes (its
 * `conditions`): anything else compiles a shape of its own. A handful per node at most.
 */
interface Kept<Shape> {
  rules: ShardRules;
  nodes: readonly FieldNode[];
  type?: GraphQLOutputType;
  conditions: string;
  shape: Shape;
}
const MAX_KEPT_PER_NODE = 8;
const ROOT_SHAPES = new WeakMap<FieldNode, Array<Kept<ValueCheck>>>();
type EntityCheck = ReturnType<typeof compileEntity>;
const ENTITY_SHAPES = new WeakMap<FieldNode, Array<Kept<Map<string, EntityCheck>>>>();

function compiledRoot(nodes: readonly FieldNode[], type: GraphQLOutputType, scope: AnswerScope): ValueCheck {
  return kept(ROOT_SHAPES, nodes, type, scope, () => compileValue(type, nodes, scope, { anyCluster: false, pageField: pageFieldOf(nodes[0]!) }));
}

function compiledEntities(field: FieldNode, scope: AnswerScope): Map<string, EntityCheck> {
  return kept(ENTITY_SHAPES, [field], undefined, scope, () => new Map());
}

function kept<Shape>(store: WeakMap<FieldNode, Array<Kept<Shape>>>, nodes: readonly FieldNode[], type: GraphQLOutputType | undefined, scope: AnswerScope, compile: () => Shape): Shape {
  const conditions = conditionValues(nodes, scope.fragments, scope.variables);
  let list = store.get(nodes[0]!);
  if (!list) store.set(nodes[0]!, (list = []));
  const found = list.find((entry) => entry.rules === scope.rules && entry.type === type && entry.conditions === conditions && sameNodes(entry.nodes, nodes));
  if (found) return found.shape;
  const shape = compile();
  if (list.length >= MAX_KEPT_PER_NODE) list.shift();
  list.push({ rules: scope.rules, nodes: [...nodes], type, conditions, shape });
  return shape;
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, index) => node === b[index]);
}

/** The variables of `@skip`/`@include` conditions under a field node, found once per node. */
const CONDITION_VARIABLES = new WeakMap<FieldNode, readonly string[]>();

/** What the selection's conditions come to under `variables`: shapes compiled under other outcomes do not apply. */
function conditionValues(nodes: readonly FieldNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Variables): string {
  let text = '';
  for (const node of nodes) {
    let names = CONDITION_VARIABLES.get(node);
    if (!names) CONDITION_VARIABLES.set(node, (names = conditionVariables(node, fragments)));
    text += conditionOutcome(names, variables);
  }
  return text;
}

/** The checks the router applies to every shard answer; only the benchmark replaces them, to measure what they cost. */
export interface AnswerChecks {
  rootField: typeof checkRootField;
  entities: typeof checkEntities;
}

export const ANSWER_CHECKS: AnswerChecks = { rootField: checkRootField, entities: checkEntities };
