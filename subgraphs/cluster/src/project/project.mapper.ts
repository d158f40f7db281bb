import { encodeGlobalId } from '../../../../shared/global-id';
import type { ProjectEntity } from './project.entity';
import type { Project } from './project.type';

export function toProject(row: ProjectEntity): Project {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    title: row.title,
    status: row.status,
    startedOn: row.startedOn,
    budgetEur: row.budgetEur,
    cluster: { id: row.clusterId },
    lead: { id: encodeGlobalId(row.clusterId, row.leadMemberId) },
    description: row.description,
    endsOn: row.endsOn,
    workingGroup: row.workingGroupId === null ? null : { id: encodeGlobalId(row.clusterId, row.workingGroupId) },
    underNda: Boolean(row.underNda),
    version: row.version,
  };
}
