import DataLoader from 'dataloader';
import { In, Not, type DataSource } from 'typeorm';
import { ClusterEntity } from './cluster.entity';
import { ClusterStatus } from './cluster-status';

/**
 * Per-request access to the registry. Lookups by id are batched into one `IN` query per tick, and the
 * list of clusters in the network (which `clusters` and `committee` both need) is read at most once
 * and primes the loader, so a request costs a constant number of statements however many clusters it
 * touches. Lookups by id also find retired clusters: initiatives they led still name them.
 */
export class ClusterDirectory {
  private readonly byId: DataLoader<string, ClusterEntity | null>;
  private inNetwork: Promise<ClusterEntity[]> | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.byId = new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(ClusterEntity).findBy({ id: In([...ids]) });
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The cluster with this id, retired or not, or null if the registry has none. */
  load(id: string): Promise<ClusterEntity | null> {
    return this.byId.load(id);
  }

  /** The cluster with this id; its absence means the registry is inconsistent, not a bad request. */
  async require(id: string): Promise<ClusterEntity> {
    const cluster = await this.load(id);
    if (!cluster) throw new Error(`Cluster "${id}" is referenced by the network but missing from the registry`);
    return cluster;
  }

  /** The clusters of the network (active and suspended; retired ones are gone), in registry order. */
  all(): Promise<ClusterEntity[]> {
    this.inNetwork ??= this.dataSource
      .getRepository(ClusterEntity)
      .find({ where: { status: Not(ClusterStatus.RETIRED) }, order: { position: 'ASC' } })
      .then((rows) => {
        for (const row of rows) this.byId.prime(row.id, row);
        return rows;
      });
    return this.inNetwork;
  }

  /** The registry's revision: that of its latest change, 0 for the registry as seeded. */
  async revision(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT MAX(revision) AS revision FROM clusters')) as Array<{ revision: number | string | null }>;
    return Number(row?.revision ?? 0);
  }
}
