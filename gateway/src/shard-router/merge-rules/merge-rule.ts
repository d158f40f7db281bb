import type { FieldNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import type { MergeRule } from '../../../../shared/shard-directive';
import type { SelectionScope } from '../selection';

/** How the answers of several shards for one field merge, as its `@shard(merge: …)` declares it. */
export interface MergeSpec {
  merge: MergeRule;
  /** `groupBy`, `groupByKey`: the field whose value identifies a bucket. */
  key?: string;
  /** `average`: the sibling fields holding each shard's total and count. */
  sum?: string;
  count?: string;
}

/** What merging reads of a subgraph's compiled `@shard` rules (`ShardRules` has it all). */
export interface MergeTable {
  schema: GraphQLSchema;
  /** `Type.field` → its merge rule, for fields under a fan-out. */
  fieldMerges: ReadonlyMap<string, MergeSpec>;
  /** Entity key fields: every shard returns the same value. */
  keyFields: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface MergeScope extends SelectionScope {
  rules: MergeTable;
}

export type Json = Record<string, unknown>;

/** One `@shard(merge: …)` on a field, as the start-time check sees it. */
export interface MergeDeclaration {
  /** Where it is written, for the message: `members: NetworkStats.averageCompanySize`. */
  where: string;
  typeName: string;
  spec: MergeSpec;
  /** The names of the other fields of the same type. */
  siblings: ReadonlySet<string>;
}

/** What a rule's merge is given beside the shards' values. */
export interface MergeContext {
  spec: MergeSpec;
  /** The client's nodes of the field (one response key). */
  nodes: readonly FieldNode[];
  /** The named type of the field's value. */
  typeName: string;
  scope: MergeScope;
  /** Objects of `typeName` merged field by field, each by its own rule, under `selection`. */
  mergeObjects(values: readonly Json[], selection: SelectionSetNode | undefined, typeName: string): Json;
}

/** What a rule's helpers are given beside the client's field. */
export interface HelperContext {
  spec: MergeSpec;
  /** The named type of the field's value. */
  typeName: string;
  scope: MergeScope;
  /** A selection set of `typeName` with the helpers of each field beneath, by its own rule. */
  underSelection(selectionSet: SelectionSetNode, typeName: string): SelectionSetNode;
}

/** What shards receive for one field of the client's: the field as sent, and helper fields beside it. */
export interface SentField {
  field: FieldNode;
  siblings?: FieldNode[];
}

/**
 * One merge rule, in one file: the check of its declaration when the gateway starts, the helper
 * fields it needs from each shard, and its merge of the shards' values into what one database
 * would have answered.
 */
export interface MergeRuleDefinition {
  /** Problems with one declaration of the rule; none when it is sound. */
  check?(declaration: MergeDeclaration): string[];
  /** Whether the rule merges its value's own fields each by its rule, so every field beneath needs one (checked at start). */
  readonly fieldByField: boolean;
  /** Whether the rule may be a root field's: a rule that reads sibling fields cannot. */
  readonly atRoot: boolean;
  /** What shards receive in place of the client's `field`: by default the field as it is. */
  sent?(field: FieldNode, context: HelperContext): SentField;
  /** One shard's value for the field under `responseKey`, read from the object holding it; by default that key's value. */
  read?(holder: Json, responseKey: string): unknown;
  /** The shards' values, in shard order, nulls left out (at least one), merged. */
  merge(values: readonly unknown[], context: MergeContext): unknown;
}
