import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../../shared/data-source';
import { MissionAimEntity } from '../alliance/mission-aim.entity';
import { NetworkEntity } from '../alliance/network.entity';
import { ObjectiveEntity } from '../alliance/objective.entity';
import { NetworkInitiativeClusterEntity, NetworkInitiativeEntity } from '../initiatives/initiative.entity';
import { ClusterEntity } from '../registry/cluster.entity';
import { NetworkSchema1764028800000 } from './migrations/1764028800000-network-schema';
import { NetworkInitiatives1764115200000 } from './migrations/1764115200000-network-initiatives';
import { NetworkAuditLog1764201600000 } from './migrations/1764201600000-network-audit-log';
import { NetworkIdSequences1764288000000 } from './migrations/1764288000000-network-id-sequences';
import { NetworkIdempotencyKeys1764374400000 } from './migrations/1764374400000-network-idempotency-keys';
import { ClusterLifecycle1764460800000 } from './migrations/1764460800000-cluster-lifecycle';
import { AuditEntryEntity } from '../../../../shared/audit/audit-entry.entity';
import { IdempotencyRecordEntity } from '../../../../shared/idempotency/idempotency-record.entity';

export const NETWORK_ENTITIES = [
  ClusterEntity,
  NetworkEntity,
  MissionAimEntity,
  ObjectiveEntity,
  NetworkInitiativeEntity,
  NetworkInitiativeClusterEntity,
  AuditEntryEntity,
  IdempotencyRecordEntity,
];
/** In the order they run; a released migration is never edited, a change is a new one. */
export const NETWORK_MIGRATIONS = [
  NetworkSchema1764028800000,
  NetworkInitiatives1764115200000,
  NetworkAuditLog1764201600000,
  NetworkIdSequences1764288000000,
  NetworkIdempotencyKeys1764374400000,
  ClusterLifecycle1764460800000,
];

/**
 * The network subgraph's database (`sqlite:<file>` or `mysql://…`), migrated to the latest schema.
 * The database itself must exist: callers run `ensureDatabase(url)` first where they own it.
 */
export async function openNetworkDatabase(url: string, onQuery?: (sql: string) => void): Promise<DataSource> {
  const dataSource = createDataSource({ url, entities: NETWORK_ENTITIES, migrations: NETWORK_MIGRATIONS, onQuery });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    // A half-opened pool would keep the process alive after the caller gives up.
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
