import { Brackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import type { GlobalId } from '../../../../shared/global-id';

/**
 * Restricts a query to a set of (cluster, local id) pairs in one statement:
 * `(c = 'a' AND id IN (…)) OR (c = 'b' AND id IN (…))`. A batch usually names one cluster; the
 * one-database oracle may name several.
 */
export function whereKeysIn<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  clusterColumn: string,
  idColumn: string,
  keys: readonly GlobalId[],
  prefix: string,
): SelectQueryBuilder<T> {
  const byCluster = new Map<string, number[]>();
  for (const key of keys) byCluster.set(key.clusterId, [...(byCluster.get(key.clusterId) ?? []), key.localId]);
  return query.andWhere(
    new Brackets((where: WhereExpressionBuilder) => {
      let index = 0;
      for (const [clusterId, ids] of byCluster) {
        const c = `${prefix}c${index}`;
        const l = `${prefix}l${index}`;
        where.orWhere(`(${clusterColumn} = :${c} AND ${idColumn} IN (:...${l}))`, { [c]: clusterId, [l]: ids });
        index++;
      }
    }),
  );
}

export function keyOf(clusterId: string, localId: number): string {
  return `${clusterId}:${localId}`;
}
