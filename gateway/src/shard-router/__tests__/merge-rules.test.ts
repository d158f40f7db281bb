import { MERGE_RULES, type MergeRule } from '../../../../shared/shard-directive';
import { MERGE_RULE_REGISTRY } from '../merge-rules';
import type { MergeContext, MergeSpec } from '../merge-rules/merge-rule';

const rules = Object.keys(MERGE_RULES) as MergeRule[];
const declaration = (spec: MergeSpec, siblings: string[] = []) => ({ where: 'members: NetworkStats.x', typeName: 'NetworkStats', spec, siblings: new Set(siblings) });
const context = (spec: MergeSpec) => ({ spec, nodes: [], typeName: 'Int', scope: undefined as never, mergeObjects: () => ({}) }) satisfies MergeContext;

describe('the merge rule registry', () => {
  it('has one definition for every rule the @shard contract names, and no other', () => {
    expect(Object.keys(MERGE_RULE_REGISTRY).sort()).toEqual([...rules].sort());
  });

  it('says which rules merge field by field, and which cannot be a root field’s', () => {
    expect(rules.filter((rule) => MERGE_RULE_REGISTRY[rule].fieldByField).sort()).toEqual(['groupBy', 'groupByKey', 'object']);
    expect(rules.filter((rule) => !MERGE_RULE_REGISTRY[rule].atRoot)).toEqual(['average']);
  });

  it('checks each declaration at start: a bucket key, sum and count among the siblings', () => {
    expect(MERGE_RULE_REGISTRY.groupBy.check!(declaration({ merge: 'groupBy' }))).toEqual(['members: NetworkStats.x: groupBy needs a key']);
    expect(MERGE_RULE_REGISTRY.groupByKey.check!(declaration({ merge: 'groupByKey', key: 'kind' }))).toEqual([]);
    expect(MERGE_RULE_REGISTRY.average.check!(declaration({ merge: 'average', sum: 'employees', count: 'companies' }, ['employees']))).toEqual([
      'members: NetworkStats.x: average needs sum and count naming fields of NetworkStats',
    ]);
    expect(MERGE_RULE_REGISTRY.average.check!(declaration({ merge: 'average', sum: 'employees', count: 'companies' }, ['employees', 'companies']))).toEqual([]);
  });

  it('merges the scalar rules as one database would answer', () => {
    const merged = (merge: MergeRule, values: unknown[]) => MERGE_RULE_REGISTRY[merge].merge(values, context({ merge }));
    expect([merged('sum', [3, 4, 5]), merged('min', [1998, 1991, 2004]), merged('max', [1998, 1991, 2004]), merged('same', ['Member', 'Member'])]).toEqual([12, 1991, 2004, 'Member']);
    expect(merged('concat', [['alt-brasov:1'], ['banat:2', 'banat:3']])).toEqual(['alt-brasov:1', 'banat:2', 'banat:3']);
    // An average of shards' totals over their counts, never of their averages: (10 + 90) / (1 + 3).
    const average = MERGE_RULE_REGISTRY.average;
    const perShard = [{ __sr_sum_avg: 10, __sr_count_avg: 1 }, { __sr_sum_avg: 90, __sr_count_avg: 3 }].map((holder) => average.read!(holder, 'avg'));
    expect(average.merge(perShard, context({ merge: 'average', sum: 's', count: 'c' }))).toBe(25);
    expect(average.merge([{ sum: null, count: 0 }], context({ merge: 'average', sum: 's', count: 'c' }))).toBeNull();
  });
});
