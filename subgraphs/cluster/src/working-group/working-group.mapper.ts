import { encodeGlobalId } from '../../../../shared/global-id';
import type { WorkingGroupEntity } from './working-group.entity';
import type { WorkingGroup } from './working-group.type';

export function toWorkingGroup(row: WorkingGroupEntity): WorkingGroup {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    name: row.name,
    objective: row.objective,
    formedOn: row.formedOn,
    version: row.version,
  };
}
