import { helperField, helperKey } from './helper-fields';
import type { MergeRuleDefinition } from './merge-rule';

const sumOf = (responseKey: string) => `sum_${responseKey}`;
const countOf = (responseKey: string) => `count_${responseKey}`;

/**
 * `average`: the sum of the `sum` field over the sum of the `count` field (sibling Int fields),
 * never an average of averages; null when the count is 0. Each shard is asked for both beside the
 * client's field, whose own value (a shard's average) is harmless and left unread.
 */
export const averageRule: MergeRuleDefinition = {
  check: ({ where, typeName, spec, siblings }) =>
    spec.sum && spec.count && siblings.has(spec.sum) && siblings.has(spec.count) ? [] : [`${where}: average needs sum and count naming fields of ${typeName}`],
  fieldByField: false,
  atRoot: false,
  sent: (field, { spec }) => {
    const responseKey = field.alias?.value ?? field.name.value;
    // The helpers are asked under the same @skip/@include as the client's field.
    const conditions = field.directives ?? [];
    return {
      field,
      siblings: [
        { ...helperField(sumOf(responseKey), spec.sum!), directives: conditions },
        { ...helperField(countOf(responseKey), spec.count!), directives: conditions },
      ],
    };
  },
  read: (holder, responseKey) => ({ sum: holder[helperKey(sumOf(responseKey))], count: holder[helperKey(countOf(responseKey))] }),
  merge: (values) => {
    let sum = 0;
    let count = 0;
    for (const value of values as Array<{ sum: unknown; count: unknown }>) {
      sum += Number(value.sum ?? 0);
      count += Number(value.count ?? 0);
    }
    return count === 0 ? null : sum / count;
  },
};
