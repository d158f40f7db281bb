import type { TableColumnOptions } from 'typeorm';
import { integer, text } from '../../../../../shared/migration-columns';

export { integer, isMysql, text } from '../../../../../shared/migration-columns';

/** `(cluster_id, id)`: the key of every cluster-owned row. */
export function idColumns(mysql: boolean): TableColumnOptions[] {
  return [{ ...text('cluster_id', 32, mysql), isPrimary: true }, { ...integer('id'), isPrimary: true }];
}
