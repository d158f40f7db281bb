import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../../../shared/audit/record-audit';
import { requireSecretariat } from '../../../../shared/auth/authorize';
import { badUserInput, graphQLError } from '../../../../shared/errors';
import { CLUSTER_ID_PATTERN } from '../../../../shared/global-id';
import { conflict, optionalText, rejectWhen, requiredText } from '../../../../shared/mutation-input';
import type { DevelopmentRegion } from '../../../../shared/network-catalog';
import { runInTransaction } from '../../../../shared/transaction';
import { NETWORK_ROW_ID, NetworkEntity } from '../alliance/network.entity';
import type { NetworkContext } from '../context';
import { ClusterEntity } from './cluster.entity';
import { ClusterStatus } from './cluster-status';
import { Cluster } from './cluster.type';
import { parseDeploymentUrl } from './deployment-url';
import { DEVELOPMENT_REGIONS } from '../../../../shared/development-region';

/** Taken by the one-database deployment that serves every cluster (`start:cluster -- all`). */
const RESERVED_IDS = new Set(['all']);

@InputType('RegisterClusterInput')
class RegisterClusterInput {
  @Field(() => ID, { description: 'Lower-case letters, digits and dashes, e.g. "nord-est-it": the prefix of every global id the cluster will own. Never reused.' })
  id: string;

  @Field()
  name: string;

  @Field()
  shortName: string;

  @Field()
  city: string;

  @Field(() => DEVELOPMENT_REGIONS)
  region: DevelopmentRegion;

  @Field({ description: 'Base URL of the cluster’s deployment (it answers `/health` and `/<subgraph>/graphql` below it).' })
  url: string;

  @Field({ description: 'The cluster’s representative on the network committee.' })
  representative: string;
}

@InputType('UpdateClusterInput', { description: 'The registry fields to change; those left out stay as they are.' })
class UpdateClusterInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Where the deployment now answers: the gateway probes it there before moving traffic.' })
  url?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => DEVELOPMENT_REGIONS, { nullable: true })
  region?: DevelopmentRegion | null;

  @Field(() => String, { nullable: true })
  representative?: string | null;
}

type RegistryFields = Pick<ClusterEntity, 'name' | 'shortName' | 'city' | 'region' | 'url' | 'representative'>;

function deploymentUrl(value: string): string {
  const checked = parseDeploymentUrl(value);
  if ('problem' in checked) rejectWhen(true, 'url', checked.problem);
  return (checked as { url: string }).url;
}

/** The text fields of a registration, each checked and named when wrong. */
function registryFields(input: RegisterClusterInput): RegistryFields {
  return {
    name: requiredText(input.name, 'name', 200),
    shortName: requiredText(input.shortName, 'shortName', 100),
    city: requiredText(input.city, 'city', 100),
    region: input.region,
    url: deploymentUrl(input.url),
    representative: requiredText(input.representative, 'representative', 200),
  };
}

/** The fields an update changes; an empty optional text is a mistake, not "no change". */
function changedFields(input: UpdateClusterInput): Partial<RegistryFields> {
  const text = (value: string | null | undefined, name: string, max: number) => {
    if (value === null || value === undefined) return undefined;
    const checked = optionalText(value, name, max);
    rejectWhen(checked === null, name, 'must not be empty');
    return checked!;
  };
  const changes: Partial<RegistryFields> = {
    name: text(input.name, 'name', 200),
    shortName: text(input.shortName, 'shortName', 100),
    city: text(input.city, 'city', 100),
    region: input.region ?? undefined,
    url: input.url === null || input.url === undefined ? undefined : deploymentUrl(input.url),
    representative: text(input.representative, 'representative', 200),
  };
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<RegistryFields>;
  rejectWhen(Object.keys(given).length === 0, 'id', 'is the only field given: name at least one field to change');
  return given;
}

/**
 * Registry writes are serialised: on MySQL the rows are locked for the transaction, so two writes
 * never hand out one position or revision; SQLite runs one write transaction at a time anyway.
 */
async function lockRegistry(manager: EntityManager): Promise<{ nextPosition: number; nextRevision: number }> {
  const lock = manager.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
  const rows = (await manager.query(`SELECT position, revision FROM clusters${lock}`)) as Array<{ position: number | string; revision: number | string }>;
  return {
    nextPosition: Math.max(-1, ...rows.map((row) => Number(row.position))) + 1,
    nextRevision: Math.max(0, ...rows.map((row) => Number(row.revision))) + 1,
  };
}

/** Where the changed cluster's id was given: `updateCluster`'s input, or the other writes' argument. */
type IdPlace = 'input.id' | 'id';

/** The registry now refuses the change (the cluster is retired, suspended already…): `CONFLICT`, naming where the id was given. */
function refused(place: IdPlace, message: string): never {
  throw graphQLError('CONFLICT', `${place} ${message}`, place === 'id' ? { argument: 'id' } : { field: place });
}

async function existingCluster(manager: EntityManager, id: string, place: IdPlace): Promise<ClusterEntity> {
  const where = place === 'id' ? { argument: 'id' } : { field: place };
  if (!CLUSTER_ID_PATTERN.test(id)) throw badUserInput(`${place} is not a cluster id: ${JSON.stringify(id)}`, where);
  const cluster = await manager.getRepository(ClusterEntity).findOneBy({ id });
  if (!cluster) throw graphQLError('NOT_FOUND', `No cluster with id ${JSON.stringify(id)} is registered`, { ...where, cluster: id });
  if (cluster.status === ClusterStatus.RETIRED) refused(place, `names a retired cluster: ${JSON.stringify(id)} left the network`);
  return cluster;
}

/**
 * The cluster registry, written by the General Secretariat alone. Each write is one transaction with
 * its audit entry and raises the registry revision, which every gateway follows: a registered
 * cluster takes traffic once its deployment answers the gateway's probe; a suspended one is answered
 * as unavailable; a retired one is gone from the network's answers.
 */
@Resolver()
export class ClusterRegistryMutations {
  @Mutation(() => Cluster, { nullable: true, description: 'Adds a cluster to the network. Its deployment should answer at `url` first. Secretariat only.' })
  async registerCluster(@Ctx() context: NetworkContext, @Arg('input', () => RegisterClusterInput) input: RegisterClusterInput): Promise<Cluster> {
    requireSecretariat(context.identity, 'registerCluster');
    const id = input.id.trim();
    rejectWhen(!CLUSTER_ID_PATTERN.test(id), 'id', `must be lower-case letters, digits and dashes, starting with a letter, at most 32: got ${JSON.stringify(input.id)}`);
    rejectWhen(RESERVED_IDS.has(id), 'id', `${JSON.stringify(id)} is reserved`);
    const fields = registryFields(input);
    return runInTransaction(context.dataSource, async (manager) => {
      const { nextPosition, nextRevision } = await lockRegistry(manager);
      const taken = await manager.getRepository(ClusterEntity).findOneBy({ id });
      if (taken) conflict('id', taken.status === ClusterStatus.RETIRED ? `belonged to a retired cluster, and a cluster id is never reused: ${JSON.stringify(id)}` : `is taken: ${JSON.stringify(id)} is registered`);
      const row: ClusterEntity = { id, position: nextPosition, ...fields, status: ClusterStatus.ACTIVE, revision: nextRevision };
      await manager.insert(ClusterEntity, row);
      await recordAudit(manager, context.identity, { clusterId: null, operation: 'registerCluster', objectType: 'cluster', objectId: id, before: null, after: row });
      return row;
    });
  }

  @Mutation(() => Cluster, { nullable: true, description: 'Changes a cluster’s registry fields; a new `url` moves its traffic once the deployment there answers. Secretariat only.' })
  async updateCluster(@Ctx() context: NetworkContext, @Arg('input', () => UpdateClusterInput) input: UpdateClusterInput): Promise<Cluster> {
    requireSecretariat(context.identity, 'updateCluster');
    const changes = changedFields(input);
    return this.change(context, 'updateCluster', input.id, 'input.id', (before) => ({ ...before, ...changes }));
  }

  @Mutation(() => Cluster, { nullable: true, description: 'Stops sending the cluster’s deployment any request: answers name it as unavailable ("suspended"). Secretariat only.' })
  suspendCluster(@Ctx() context: NetworkContext, @Arg('id', () => ID) id: string): Promise<Cluster> {
    requireSecretariat(context.identity, 'suspendCluster');
    return this.change(context, 'suspendCluster', id, 'id', (before) => {
      if (before.status === ClusterStatus.SUSPENDED) refused('id', 'names a cluster that is suspended already');
      return { ...before, status: ClusterStatus.SUSPENDED };
    });
  }

  @Mutation(() => Cluster, { nullable: true, description: 'Serves a suspended cluster’s data again. Secretariat only.' })
  resumeCluster(@Ctx() context: NetworkContext, @Arg('id', () => ID) id: string): Promise<Cluster> {
    requireSecretariat(context.identity, 'resumeCluster');
    return this.change(context, 'resumeCluster', id, 'id', (before) => {
      if (before.status !== ClusterStatus.SUSPENDED) refused('id', 'names a cluster that is not suspended');
      return { ...before, status: ClusterStatus.ACTIVE };
    });
  }

  @Mutation(() => Cluster, { nullable: true, description: 'Takes a cluster out of the network for good; its id is never given again. Secretariat only.' })
  retireCluster(@Ctx() context: NetworkContext, @Arg('id', () => ID) id: string): Promise<Cluster> {
    requireSecretariat(context.identity, 'retireCluster');
    return this.change(context, 'retireCluster', id, 'id', async (before, manager) => {
      const network = await manager.getRepository(NetworkEntity).findOneBy({ id: NETWORK_ROW_ID });
      if (network?.presidentClusterId === id) refused('id', 'names the cluster holding the network’s presidency: hand it over before retiring it');
      if (network?.secretariatClusterId === id) refused('id', 'names the cluster providing the General Secretariat: hand it over before retiring it');
      return { ...before, status: ClusterStatus.RETIRED };
    });
  }

  /** One registry change: the row locked and read, changed, written with the next revision and audited. */
  private change(
    context: NetworkContext,
    operation: string,
    id: string,
    place: IdPlace,
    apply: (before: ClusterEntity, manager: EntityManager) => ClusterEntity | Promise<ClusterEntity>,
  ): Promise<ClusterEntity> {
    return runInTransaction(context.dataSource, async (manager) => {
      const { nextRevision } = await lockRegistry(manager);
      const before = await existingCluster(manager, id, place);
      const after: ClusterEntity = { ...(await apply(before, manager)), revision: nextRevision };
      await manager.update(ClusterEntity, { id }, { ...after });
      await recordAudit(manager, context.identity, { clusterId: null, operation, objectType: 'cluster', objectId: id, before, after });
      return after;
    });
  }
}
