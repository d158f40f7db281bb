import DataLoader from 'dataloader';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { NetworkInitiativeClusterEntity, NetworkInitiativeEntity } from './initiative.entity';
import type { NetworkInitiativeStatus } from './initiative-status';

export interface InitiativeFilter {
  objectiveCode?: string;
  status?: NetworkInitiativeStatus;
}

/** Every list of initiatives is in this order: start date, then id. SQL and JavaScript forms alike. */
const INITIATIVE_ORDER = { startedOn: 'ASC', id: 'ASC' } as const;

function compareInitiatives(a: NetworkInitiativeEntity, b: NetworkInitiativeEntity): number {
  // ISO dates compare as plain ASCII, as the binary collation compares them.
  if (a.startedOn !== b.startedOn) return a.startedOn < b.startedOn ? -1 : 1;
  return a.id - b.id;
}

/**
 * Per-request access to the initiatives. Each loader answers a whole tick's keys with one query, so a
 * nested list (objectives → initiatives → clusters) costs one statement per level, not per item.
 */
export class InitiativeDirectory {
  private readonly byId: DataLoader<number, NetworkInitiativeEntity | null>;
  private readonly byObjective: DataLoader<string, NetworkInitiativeEntity[]>;
  private readonly participantIds: DataLoader<number, string[]>;
  private readonly idsOfCluster: DataLoader<string, number[]>;

  constructor(private readonly dataSource: DataSource) {
    const initiatives = dataSource.getRepository(NetworkInitiativeEntity);
    const links = dataSource.getRepository(NetworkInitiativeClusterEntity);

    this.byId = new DataLoader(async (ids) => {
      const rows = await initiatives.findBy({ id: In([...ids]) });
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });

    this.byObjective = new DataLoader(async (codes) => {
      const rows = await initiatives.find({ where: { objectiveCode: In([...codes]) }, order: INITIATIVE_ORDER });
      this.prime(rows);
      const byCode = groupBy(rows, (row) => row.objectiveCode);
      return codes.map((code) => byCode.get(code) ?? []);
    });

    this.participantIds = new DataLoader(async (ids) => {
      const byInitiative = groupBy(await links.findBy({ initiativeId: In([...ids]) }), (row) => row.initiativeId);
      return ids.map((id) => (byInitiative.get(id) ?? []).map((row) => row.clusterId));
    });

    this.idsOfCluster = new DataLoader(async (clusterIds) => {
      const byCluster = groupBy(await links.findBy({ clusterId: In([...clusterIds]) }), (row) => row.clusterId);
      return clusterIds.map((clusterId) => (byCluster.get(clusterId) ?? []).map((row) => row.initiativeId));
    });
  }

  /** The initiative with this id, or null. */
  load(id: number): Promise<NetworkInitiativeEntity | null> {
    return this.byId.load(id);
  }

  /** The network's initiatives that match the filter, in start order. */
  async list(filter: InitiativeFilter): Promise<NetworkInitiativeEntity[]> {
    const where: FindOptionsWhere<NetworkInitiativeEntity> = {};
    if (filter.objectiveCode !== undefined) where.objectiveCode = filter.objectiveCode;
    if (filter.status !== undefined) where.status = filter.status;
    const rows = await this.dataSource.getRepository(NetworkInitiativeEntity).find({ where, order: INITIATIVE_ORDER });
    this.prime(rows);
    return rows;
  }

  /** The initiatives that serve one objective, in start order. */
  ofObjective(code: string): Promise<NetworkInitiativeEntity[]> {
    return this.byObjective.load(code);
  }

  /** The initiatives a cluster takes part in (leading or not), in start order. */
  async ofCluster(clusterId: string): Promise<NetworkInitiativeEntity[]> {
    const ids = await this.idsOfCluster.load(clusterId);
    const rows = await Promise.all(ids.map((id) => this.byId.load(id)));
    return rows.filter((row): row is NetworkInitiativeEntity => row !== null).sort(compareInitiatives);
  }

  /** The ids of the clusters taking part in an initiative, in no particular order. */
  clusterIdsOf(initiativeId: number): Promise<string[]> {
    return this.participantIds.load(initiativeId);
  }

  private prime(rows: readonly NetworkInitiativeEntity[]): void {
    for (const row of rows) this.byId.prime(row.id, row);
  }
}

/** Rows grouped by key, each group in the rows' order. */
function groupBy<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
