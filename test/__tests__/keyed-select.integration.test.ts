import type { DataSource } from 'typeorm';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { dropDatabase } from '../../shared/data-source';
import { prepareClusterDatabase } from '../../scripts/run-network';
import { whereKeysIn } from '../../subgraphs/cluster/src/db/by-cluster';
import { KeyedSelect } from '../../subgraphs/cluster/src/db/keyed-select';
import { MemberEntity } from '../../subgraphs/cluster/src/member/member.entity';
import { ProjectPartnerEntity } from '../../subgraphs/cluster/src/project/project-partner.entity';
import { describeOnBothBackends } from '../support/mysql';
import type { GlobalId } from '../../shared/global-id';

const ids = (clusterId: string, ...localIds: number[]): GlobalId[] => localIds.map((localId) => ({ clusterId, localId }));

describeOnBothBackends('rows by key from a statement prepared once per shape', (backend) => {
  let dataSource: DataSource;
  const url = backend.databaseUrl('itro_keyed_select');
  const clusters = FOUNDING_CLUSTERS.map((cluster) => cluster.id);

  beforeAll(async () => {
    await dropDatabase(url);
    dataSource = await prepareClusterDatabase(clusters, url, 'always', 566, createLogger('test', 'silent'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  /** What TypeORM's query builder answers for the same keys: the rows `KeyedSelect` must equal, entities of the same class. */
  async function byBuilder<Row extends object>(entity: new () => Row, keyColumn: string, keys: GlobalId[], orderBy: string[] = []): Promise<Row[]> {
    const query = whereKeysIn(dataSource.getRepository(entity).createQueryBuilder('r'), 'r.cluster_id', keyColumn, keys, 'k');
    for (const order of orderBy) {
      const [column, direction] = order.split(' ');
      query.addOrderBy(column!, direction === 'DESC' ? 'DESC' : 'ASC');
    }
    return query.getMany();
  }

  it('answers members by id exactly as the query builder does, for each shape and again from the prepared statement', async () => {
    const select = new KeyedSelect(dataSource, MemberEntity, 'r.id');
    const batches = [ids('banat', 1), ids('banat', 3, 1, 2), ids('banat', 5, 6, 7), [...ids('banat', 2), ...ids('alt-brasov', 1, 4)], [...ids('alt-brasov', 9), ...ids('banat', 8, 9)], ids('banat', 999_999)];
    for (const round of [1, 2]) {
      for (const keys of batches) {
        // Once a shape has come, its statement is the prepared one: the query builder is not asked.
        const builder = jest.spyOn(dataSource, 'getRepository');
        const ours = await select.rows(keys, dataSource);
        if (round === 2) expect(builder).not.toHaveBeenCalled();
        builder.mockRestore();
        const theirs = await byBuilder(MemberEntity, 'r.id', keys);
        const sort = (rows: MemberEntity[]) => [...rows].sort((a, b) => `${a.clusterId}:${a.id}`.localeCompare(`${b.clusterId}:${b.id}`));
        expect([round, sort(ours)]).toEqual([round, sort(theirs)]);
        for (const row of ours) expect(row).toBeInstanceOf(MemberEntity);
      }
    }
    expect(batches.map((keys) => keys.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });

  it('keeps the order it was given for each parent’s rows', async () => {
    const select = new KeyedSelect(dataSource, ProjectPartnerEntity, 'r.project_id', ['r.member_cluster_id ASC', 'r.member_id ASC']);
    const keys = [...ids('banat', 1, 2, 3), ...ids('alt-brasov', 1, 2)];
    const ours = await select.rows(keys, dataSource);
    const theirs = await byBuilder(ProjectPartnerEntity, 'r.project_id', keys, ['r.member_cluster_id ASC', 'r.member_id ASC']);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});
