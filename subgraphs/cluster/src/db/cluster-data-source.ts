import { createDataSource } from '../../../../shared/data-source';
import { EngagementEntity } from '../engagement/engagement.entity';
import { EventRegistrationEntity } from '../event/event-registration.entity';
import { EventEntity } from '../event/event.entity';
import { BoardMeetingEntity } from '../governance/board-meeting.entity';
import { BoardEntity } from '../governance/board.entity';
import { GeneralAssemblyEntity } from '../governance/general-assembly.entity';
import { InitiativeEntity } from '../governance/initiative.entity';
import { KpiEntity } from '../governance/kpi.entity';
import { MemberEntity } from '../member/member.entity';
import { MembershipFeeEntity } from '../membership/membership-fee.entity';
import { PersonRoleEntity } from '../person/person-role.entity';
import { PersonEntity } from '../person/person.entity';
import { ProjectEntity } from '../project/project.entity';
import { ProjectPartnerEntity } from '../project/project-partner.entity';
import { ServiceRequestEntity } from '../service/service-request.entity';
import { ServiceEntity } from '../service/service.entity';
import { WorkingGroupMemberEntity } from '../working-group/working-group-member.entity';
import { WorkingGroupEntity } from '../working-group/working-group.entity';
import { CoreSchema1764028800000 } from './migrations/1764028800000-core-schema';
import { ClusterActivity1764115200000 } from './migrations/1764115200000-cluster-activity';
import { ClusterAuditLog1764201600000 } from './migrations/1764201600000-cluster-audit-log';
import { LocalIdSequences1764288000000 } from './migrations/1764288000000-local-id-sequences';
import { IdempotencyKeys1764374400000 } from './migrations/1764374400000-idempotency-keys';
import { MemberCompetences1764460800000 } from './migrations/1764460800000-member-competences';
import { ListingIndexesByCluster1764547200000 } from './migrations/1764547200000-listing-indexes-by-cluster';
import { MemberCompetenceEntity } from '../competence/member-competence.entity';
import { AuditEntryEntity } from '../../../../shared/audit/audit-entry.entity';
import { IdempotencyRecordEntity } from '../../../../shared/idempotency/idempotency-record.entity';

export const CLUSTER_ENTITIES = [
  MemberEntity,
  MemberCompetenceEntity,
  MembershipFeeEntity,
  PersonEntity,
  PersonRoleEntity,
  GeneralAssemblyEntity,
  BoardEntity,
  BoardMeetingEntity,
  InitiativeEntity,
  KpiEntity,
  WorkingGroupEntity,
  WorkingGroupMemberEntity,
  ProjectEntity,
  ProjectPartnerEntity,
  EngagementEntity,
  ServiceEntity,
  ServiceRequestEntity,
  EventEntity,
  EventRegistrationEntity,
  AuditEntryEntity,
  IdempotencyRecordEntity,
];
/** In the order they run; a released migration is never edited, a change is a new one. */
export const CLUSTER_MIGRATIONS = [CoreSchema1764028800000, ClusterActivity1764115200000, ClusterAuditLog1764201600000, LocalIdSequences1764288000000, IdempotencyKeys1764374400000, MemberCompetences1764460800000, ListingIndexesByCluster1764547200000];

/** A cluster's database, migrated to the latest schema. */
export async function openClusterDatabase(url: string, onQuery?: (sql: string) => void) {
  const dataSource = createDataSource({ url, entities: CLUSTER_ENTITIES, migrations: CLUSTER_MIGRATIONS, onQuery });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
