import type { DataSource, ObjectLiteral } from 'typeorm';
import { createLogger } from '../../shared/logger';
import { FOUNDING_CLUSTERS } from '../../shared/network-catalog';
import { dropDatabase } from '../../shared/data-source';
import { MemberKind } from '../../shared/member-kind';
import { prepareClusterDatabase } from '../../scripts/run-network';
import { pageSize } from '../../shared/page-size';
import { cursorOf, keysetPage, pageOf, positionAfter, type KeysetOrder } from '../../subgraphs/cluster/src/paging/keyset';
import { listConnection, type Listing, type ListingArgs } from '../../subgraphs/cluster/src/paging/listing';
import { SortDirection } from '../../subgraphs/cluster/src/paging/sort-direction';
import { MEMBERS } from '../../subgraphs/cluster/src/member/member.store';
import { MemberEntity } from '../../subgraphs/cluster/src/member/member.entity';
import type { MemberFilter } from '../../subgraphs/cluster/src/member/member.inputs';
import { PROJECTS } from '../../subgraphs/cluster/src/project/project.store';
import type { ProjectFilter } from '../../subgraphs/cluster/src/project/project.inputs';
import type { CompetenceArea } from '../../shared/competences';
import { describeOnBothBackends } from '../support/mysql';

type Keyed = ObjectLiteral & { clusterId: string; id: number };

interface PageSeen<Row> {
  cursors: string[];
  rows: Row[];
  hasNextPage: boolean;
  totalCount: number;
}

describeOnBothBackends('listing pages from statements prepared once per shape', (backend) => {
  let dataSource: DataSource;
  const url = backend.databaseUrl('itro_prepared_listing');
  const all = FOUNDING_CLUSTERS.map((cluster) => cluster.id);

  beforeAll(async () => {
    await dropDatabase(url);
    dataSource = await prepareClusterDatabase(all, url, 'always', 566, createLogger('test', 'silent'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  /** The page as TypeORM's query builder reads it, every time from scratch: what the prepared statements must equal. */
  async function byBuilder<Row extends Keyed, Filter>(listing: Listing<Row, Filter>, clusterIds: string[], args: ListingArgs<Filter>): Promise<PageSeen<Row>> {
    const first = pageSize(args.first);
    const field = args.orderBy?.field ?? listing.defaultOrder;
    const order: KeysetOrder = { field, direction: args.orderBy?.direction ?? SortDirection.ASC, ...listing.orders[field]! };
    const filtered = () => {
      const query = dataSource.getRepository(listing.entity).createQueryBuilder(listing.alias).where(`${listing.alias}.cluster_id IN (:...clusterIds)`, { clusterIds });
      if (args.filter) listing.applyFilter(query, args.filter);
      return query;
    };
    const page = pageOf(await keysetPage(filtered(), listing.alias, order, first, positionAfter(args.after, order)).getMany(), first);
    return { cursors: page.rows.map((row) => cursorOf(row, order)), rows: page.rows, hasNextPage: page.hasNextPage, totalCount: await filtered().getCount() };
  }

  async function ours<Row extends Keyed, Filter>(listing: Listing<Row, Filter>, clusterIds: string[], args: ListingArgs<Filter>): Promise<PageSeen<Row>> {
    const connection = await listConnection(dataSource, listing, clusterIds, args, (row) => row);
    return {
      cursors: connection.edges.map((edge) => edge.cursor),
      rows: connection.edges.map((edge) => edge.node),
      hasNextPage: connection.pageInfo.hasNextPage,
      totalCount: await connection.countTotal(),
    };
  }

  /** Walks every page of `args` twice: the first walk prepares each shape, the second runs them without the query builder. */
  async function walkBoth<Row extends Keyed, Filter>(listing: Listing<Row, Filter>, clusterIds: string[], args: ListingArgs<Filter>): Promise<number> {
    let rows = 0;
    for (const round of [1, 2]) {
      let after: string | null = null;
      for (let pages = 0; pages < 40; pages++) {
        const builder = jest.spyOn(dataSource, 'getRepository');
        const page: PageSeen<Row> = await ours(listing, clusterIds, { ...args, after });
        // Once a shape has come, its rows and count come from the prepared statements.
        if (round === 2) expect([JSON.stringify(args), pages, builder.mock.calls.length]).toEqual([JSON.stringify(args), pages, 0]);
        builder.mockRestore();
        const theirs = await byBuilder(listing, clusterIds, { ...args, after });
        expect(page).toEqual(theirs);
        for (const row of page.rows) expect(row).toBeInstanceOf(listing.entity as new () => Row);
        if (round === 1) rows += page.rows.length;
        if (!page.hasNextPage) break;
        after = page.cursors.at(-1)!;
      }
    }
    return rows;
  }

  it('pages members in every order and direction, over one cluster and over all, exactly as the query builder does', async () => {
    let rows = 0;
    for (const clusterIds of [[all[0]!], all]) {
      for (const field of ['NAME', 'EMPLOYEES', 'FOUNDED']) {
        for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
          rows += await walkBoth<MemberEntity, MemberFilter>(MEMBERS, clusterIds, { first: 37, orderBy: { field, direction } });
        }
      }
    }
    // The first cluster's members once per order and direction, and the network's once more each.
    const count = async (clusterIds: string[]) => dataSource.getRepository(MemberEntity).createQueryBuilder('m').where('m.cluster_id IN (:...clusterIds)', { clusterIds }).getCount();
    expect(rows).toBe(6 * ((await count([all[0]!])) + (await count(all))));
    expect(await count(all)).toBeGreaterThan(566);
  });

  it('pages filtered members and projects as the query builder does, a filter of its own shape each', async () => {
    const filters: MemberFilter[] = [
      { kind: [MemberKind.SME, MemberKind.STARTUP] },
      { kind: [] },
      { nameContains: 'soft', minEmployees: 10 },
      { competences: ['AI_DATA' as CompetenceArea] },
      { regions: ['NORD_VEST', 'VEST'] as MemberFilter['regions'] },
    ];
    let rows = 0;
    for (const filter of filters) rows += await walkBoth<MemberEntity, MemberFilter>(MEMBERS, all, { first: 25, filter });
    for (const filter of [{ titleContains: 'a' }, {}] as ProjectFilter[]) rows += await walkBoth(PROJECTS, all, { first: 20, orderBy: { field: 'BUDGET', direction: SortDirection.DESC }, filter });
    expect(rows).toBeGreaterThan(100);
  });

  it('refuses a search holding a control character, as the query builder does, on both backends alike', async () => {
    // A stand-in starts with NUL, so no caller's search can look like one either.
    const lookalike = { nameContains: '\u0000varying:cluster:0' };
    await expect(ours(MEMBERS, all, { filter: lookalike })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'nameContains' } });
    await expect(byBuilder(MEMBERS, all, { filter: lookalike })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(ours(PROJECTS, all, { filter: { titleContains: 'a\tb' } })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'titleContains' } });
    expect(await ours(MEMBERS, all, { filter: { nameContains: 'varying:cluster:0' } })).toEqual(await byBuilder(MEMBERS, all, { filter: { nameContains: 'varying:cluster:0' } }));
  });

  it('refuses a malformed cursor as before, before any statement runs', async () => {
    await expect(ours(MEMBERS, all, { after: 'not-a-cursor' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
