import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditEntryEntity } from '../../../../shared/audit/audit-entry.entity';
import { FOUNDING_CLUSTERS, NETWORK_FACTS, type FoundingCluster } from '../../../../shared/network-catalog';
import { foldSortKey } from '../../../../shared/sort-key';
import { MISSION_AIMS, OBJECTIVES } from '../alliance/charter';
import { MissionAimEntity } from '../alliance/mission-aim.entity';
import { NETWORK_ROW_ID, NetworkEntity } from '../alliance/network.entity';
import { ObjectiveEntity } from '../alliance/objective.entity';
import { NETWORK_INITIATIVES } from '../initiatives/initiative-catalog';
import { NetworkInitiativeClusterEntity, NetworkInitiativeEntity } from '../initiatives/initiative.entity';
import { ClusterEntity } from '../registry/cluster.entity';
import { ClusterStatus } from '../registry/cluster-status';
import { parseDeploymentUrl } from '../registry/deployment-url';

export interface SeedNetworkOptions {
  /** The base URL where a cluster's subgraph answers, written into the registry. */
  clusterUrl: (clusterId: string, position: number) => string;
  /** The registry's clusters; the founding nine unless a benchmark splits them into more. */
  clusters?: readonly FoundingCluster[];
}

/**
 * Replaces the network's rows with the founding catalog. Same input, same rows, on both backends;
 * all in one transaction, so readers see either the old registry or the new one, never a mix. The
 * network's audit log is cleared with them: the rows it told the history of are gone, and their ids
 * (initiatives') are given out again.
 */
export async function seedNetwork(dataSource: DataSource, options: SeedNetworkOptions): Promise<void> {
  const catalog = options.clusters ?? FOUNDING_CLUSTERS;
  const clusters = catalog.map((cluster, position) => ({
    id: cluster.id,
    position,
    name: cluster.name,
    shortName: cluster.shortName,
    city: cluster.city,
    region: cluster.region,
    url: checkedUrl(cluster.id, options.clusterUrl(cluster.id, position)),
    representative: cluster.representative,
    status: ClusterStatus.ACTIVE,
    revision: 0,
  }));
  const secretariat = catalog.find((cluster) => cluster.id === NETWORK_FACTS.secretariatClusterId);
  if (!secretariat || !catalog.some((cluster) => cluster.id === NETWORK_FACTS.presidentClusterId)) {
    throw new Error('NETWORK_FACTS names a president or secretariat cluster that is not in FOUNDING_CLUSTERS');
  }
  const initiatives = registeredInitiatives(new Set(clusters.map((cluster) => cluster.id)));

  await dataSource.transaction(async (manager) => {
    // Rows go before the rows they reference and come back after them.
    await deleteAll(manager, AuditEntryEntity);
    await deleteAll(manager, NetworkInitiativeClusterEntity);
    await deleteAll(manager, NetworkInitiativeEntity);
    await deleteAll(manager, NetworkEntity);
    await deleteAll(manager, ObjectiveEntity);
    await deleteAll(manager, MissionAimEntity);
    await deleteAll(manager, ClusterEntity);

    await manager.insert(ClusterEntity, clusters);
    await manager.insert(
      MissionAimEntity,
      MISSION_AIMS.map((aim, position) => ({ code: aim.code, position, text: aim.text })),
    );
    await manager.insert(
      ObjectiveEntity,
      OBJECTIVES.map((objective, position) => ({ code: objective.code, position, title: objective.title })),
    );
    await manager.insert(NetworkEntity, {
      id: NETWORK_ROW_ID,
      name: NETWORK_FACTS.name,
      fullName: NETWORK_FACTS.fullName,
      presidentClusterId: NETWORK_FACTS.presidentClusterId,
      secretariatClusterId: NETWORK_FACTS.secretariatClusterId,
      secretariatDescription: `The General Secretariat of the network is provided by ${secretariat.name}.`,
    });
    if (initiatives.length > 0) {
      await manager.insert(NetworkInitiativeEntity, initiatives.map((initiative) => initiative.row));
      await manager.insert(
        NetworkInitiativeClusterEntity,
        initiatives.flatMap(({ row, participants }) => participants.map((clusterId) => ({ initiativeId: row.id, clusterId }))),
      );
    }
  });
}

/**
 * The catalog's initiatives as rows, keeping only registered clusters: an initiative whose lead is
 * not registered, or that keeps fewer than two clusters, is no network initiative and is left out.
 */
function registeredInitiatives(registered: ReadonlySet<string>): Array<{ row: NetworkInitiativeEntity; participants: string[] }> {
  return NETWORK_INITIATIVES.flatMap((initiative) => {
    const participants = initiative.clusters.filter((clusterId) => registered.has(clusterId));
    if (!registered.has(initiative.lead) || participants.length < 2) return [];
    const row = {
      id: initiative.id,
      title: initiative.title,
      titleKey: foldSortKey(initiative.title),
      description: initiative.description,
      objectiveCode: initiative.objective,
      status: initiative.status,
      startedOn: initiative.startedOn,
      endsOn: initiative.endsOn,
      leadClusterId: initiative.lead,
    };
    return [{ row, participants }];
  });
}

// DELETE rather than `clear()`: on MySQL `clear()` is TRUNCATE, which commits the transaction.
async function deleteAll<Entity extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Entity>): Promise<void> {
  await manager.createQueryBuilder().delete().from(entity).execute();
}

// The gateway dials these URLs: a typo caught here is better than a shard that is never reachable.
function checkedUrl(clusterId: string, url: string): string {
  const checked = parseDeploymentUrl(url);
  if ('problem' in checked) throw new RangeError(`clusterUrl gave "${url}" for cluster "${clusterId}": it ${checked.problem}`);
  return checked.url;
}
