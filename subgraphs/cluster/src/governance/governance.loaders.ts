import type DataLoader from 'dataloader';
import type { Factories, LoaderKit } from '../db/loader-kit';
import { BoardMeetingEntity } from './board-meeting.entity';
import { BoardEntity } from './board.entity';
import { GeneralAssemblyEntity } from './general-assembly.entity';
import { InitiativeEntity } from './initiative.entity';
import { KpiEntity } from './kpi.entity';

/** The cluster’s governance: assemblies, boards and their meetings, initiatives, KPIs. */
export interface GovernanceLoaders {
  assemblyById: DataLoader<string, GeneralAssemblyEntity | null>;
  assembliesOfCluster: DataLoader<string, GeneralAssemblyEntity[]>;
  boardById: DataLoader<string, BoardEntity | null>;
  boardsOfCluster: DataLoader<string, BoardEntity[]>;
  meetingById: DataLoader<string, BoardMeetingEntity | null>;
  meetingsOfBoard: DataLoader<string, BoardMeetingEntity[]>;
  initiativeById: DataLoader<string, InitiativeEntity | null>;
  initiativesOfMeeting: DataLoader<string, InitiativeEntity[]>;
  initiativesOfWorkingGroup: DataLoader<string, InitiativeEntity[]>;
  kpisOfCluster: DataLoader<string, KpiEntity[]>;
}

export function governanceLoaders(kit: LoaderKit): Factories<GovernanceLoaders> {
  return {
    assemblyById: kit.byId(GeneralAssemblyEntity),
    assembliesOfCluster: kit.byCluster(GeneralAssemblyEntity, ['r.held_on', 'r.id']),
    boardById: kit.byId(BoardEntity),
    boardsOfCluster: kit.byCluster(BoardEntity, ['r.term_start', 'r.id']),
    meetingById: kit.byId(BoardMeetingEntity),
    meetingsOfBoard: kit.byParent(BoardMeetingEntity, 'board_id', 'boardId', ['r.held_on', 'r.id']),
    initiativeById: kit.byId(InitiativeEntity),
    initiativesOfMeeting: kit.byParent(InitiativeEntity, 'decided_at_meeting_id', 'decidedAtMeetingId', ['r.id']),
    initiativesOfWorkingGroup: kit.byParent(InitiativeEntity, 'working_group_id', 'workingGroupId', ['r.proposed_on', 'r.id']),
    kpisOfCluster: kit.byCluster(KpiEntity, ['r.period_start', 'r.id']),
  };
}
