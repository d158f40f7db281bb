import { encodeGlobalId } from '../../../../shared/global-id';
import type { BoardMeetingEntity } from './board-meeting.entity';
import type { BoardEntity } from './board.entity';
import type { GeneralAssemblyEntity } from './general-assembly.entity';
import type { Board, BoardMeeting, GeneralAssembly, Initiative, Kpi } from './governance.type';
import type { InitiativeEntity } from './initiative.entity';
import type { KpiEntity } from './kpi.entity';

const ref = (clusterId: string, id: number | null) => (id === null ? null : encodeGlobalId(clusterId, id));

export function toAssembly(row: GeneralAssemblyEntity): GeneralAssembly {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    heldOn: row.heldOn,
    kind: row.kind,
    membersPresent: row.membersPresent,
    votesCast: row.votesCast,
    resolutions: row.resolutions,
  };
}

export function toBoard(row: BoardEntity): Board {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    termStart: row.termStart,
    termEnd: row.termEnd,
    electedAtAssemblyId: encodeGlobalId(row.clusterId, row.electedAtAssemblyId),
  };
}

export function toMeeting(row: BoardMeetingEntity): BoardMeeting {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    heldOn: row.heldOn,
    minutes: row.minutes,
    minutesRecordedOn: row.minutesRecordedOn,
    version: row.version,
    boardId: encodeGlobalId(row.clusterId, row.boardId),
    chairPersonId: ref(row.clusterId, row.chairPersonId),
  };
}

export function toInitiative(row: InitiativeEntity): Initiative {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    cluster: { id: row.clusterId },
    title: row.title,
    description: row.description,
    proposedOn: row.proposedOn,
    status: row.status,
    version: row.version,
    proposedByMemberId: ref(row.clusterId, row.proposedByMemberId),
    proposedByPersonId: ref(row.clusterId, row.proposedByPersonId),
    decidedAtMeetingId: ref(row.clusterId, row.decidedAtMeetingId),
    workingGroupId: ref(row.clusterId, row.workingGroupId),
  };
}

export function toKpi(row: KpiEntity): Kpi {
  return {
    id: encodeGlobalId(row.clusterId, row.id),
    name: row.name,
    unit: row.unit,
    target: row.target,
    actual: row.actual,
    attainment: row.actual === null || row.target === 0 ? null : row.actual / row.target,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    executiveDirectorId: encodeGlobalId(row.clusterId, row.personId),
  };
}
