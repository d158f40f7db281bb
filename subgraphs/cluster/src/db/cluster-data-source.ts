import { createDataSource } from '../../../../shared/data-source';
import { MemberEntity } from '../member/member.entity';
import { ProjectEntity } from '../project/project.entity';
import { ProjectPartnerEntity } from '../project/project-partner.entity';
import { CoreSchema1764028800000 } from './migrations/1764028800000-core-schema';

export const CLUSTER_ENTITIES = [MemberEntity, ProjectEntity, ProjectPartnerEntity];
export const CLUSTER_MIGRATIONS = [CoreSchema1764028800000];

/** A cluster's database, migrated to the latest schema. */
export async function openClusterDatabase(url: string, onQuery?: (sql: string) => void) {
  const dataSource = createDataSource({ url, entities: CLUSTER_ENTITIES, migrations: CLUSTER_MIGRATIONS, onQuery });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
