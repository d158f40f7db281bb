import { mergedSubSelection } from '../selection';
import { addSelections, helperField, helperKey } from './helper-fields';
import type { MergeContext, MergeDeclaration, MergeRuleDefinition } from './merge-rule';
import { withHelpersBeneath } from './object';

const GROUP_KEY = 'key';

/**
 * `groupBy`: list items with the same `key` field merged as objects, in the order each bucket
 * first appears in (shard order), for buckets every shard has in the same order.
 */
export const groupByRule: MergeRuleDefinition = {
  check: needsKey,
  fieldByField: true,
  atRoot: true,
  sent: (field, context) => ({ field: addSelections(withHelpersBeneath(field, context), [helperField(GROUP_KEY, context.spec.key!)]) }),
  merge: (values, context) => mergeGroups(values, context).map((group) => group.merged),
};

export function needsKey({ where, spec }: MergeDeclaration): string[] {
  return spec.key ? [] : [`${where}: ${spec.merge} needs a key`];
}

/** The shards' items in buckets by their key, in order of first appearance, each bucket merged as one object. */
export function mergeGroups(lists: readonly unknown[], context: MergeContext): Array<{ key: unknown; merged: Record<string, unknown> }> {
  const groups = new Map<string, { key: unknown; items: Array<Record<string, unknown>> }>();
  for (const list of lists as Array<Array<Record<string, unknown>>>) {
    for (const item of list) {
      const key = item[helperKey(GROUP_KEY)];
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, items: [] };
      group.items.push(item);
      groups.set(id, group);
    }
  }
  const selection = mergedSubSelection(context.nodes);
  return [...groups.values()].map((group) => ({ key: group.key, merged: context.mergeObjects(group.items, selection, context.typeName) }));
}
