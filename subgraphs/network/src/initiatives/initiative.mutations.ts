import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../../../shared/audit/record-audit';
import { requireSecretariat } from '../../../../shared/auth/authorize';
import { graphQLError } from '../../../../shared/errors';
import { nextId, type IdSequence } from '../../../../shared/id-sequence';
import { conflict, isoDate, optionalIsoDate, rejectWhen, requiredText, sortableText } from '../../../../shared/mutation-input';
import { foldSortKey } from '../../../../shared/sort-key';
import { runInTransaction } from '../../../../shared/transaction';
import { ObjectiveEntity } from '../alliance/objective.entity';
import type { NetworkContext } from '../context';
import { ClusterEntity } from '../registry/cluster.entity';
import { NetworkInitiativeClusterEntity, NetworkInitiativeEntity } from './initiative.entity';
import { NetworkInitiativeStatus } from './initiative-status';
import { parseInitiativeId } from './initiative-id';
import { NetworkInitiative } from './initiative.type';

const MAX_CLUSTERS = 32;

/** Statuses only move forward. */
const NEXT_STATUS: Record<NetworkInitiativeStatus, NetworkInitiativeStatus | null> = {
  [NetworkInitiativeStatus.PLANNED]: NetworkInitiativeStatus.RUNNING,
  [NetworkInitiativeStatus.RUNNING]: NetworkInitiativeStatus.COMPLETED,
  [NetworkInitiativeStatus.COMPLETED]: null,
};

@InputType('LaunchNetworkInitiativeInput')
class LaunchNetworkInitiativeInput {
  @Field()
  title: string;

  @Field()
  description: string;

  @Field({ description: 'The code of the priority objective it serves, e.g. "O1".' })
  objective: string;

  @Field(() => ID, { description: 'The cluster coordinating it.' })
  leadCluster: string;

  @Field(() => [ID], { nullable: true, description: 'The other clusters taking part; the lead takes part already.' })
  clusters?: string[] | null;

  @Field({ description: 'ISO date it starts; the initiative is PLANNED until it is set RUNNING.' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'ISO date it is planned to end; open-ended when omitted.' })
  endsOn?: string | null;
}

@InputType('SetNetworkInitiativeStatusInput')
class SetNetworkInitiativeStatusInput {
  @Field(() => ID)
  id: string;

  @Field(() => NetworkInitiativeStatus, { description: 'The next status: PLANNED → RUNNING → COMPLETED.' })
  status: NetworkInitiativeStatus;

  @Field(() => String, { nullable: true, description: 'ISO date it ended; required to complete an open-ended initiative.' })
  endsOn?: string | null;
}

/** Network initiatives are numbered by the network as a whole: one row of `id_sequences`. */
const INITIATIVE_IDS: IdSequence = { sequences: 'id_sequences', table: 'network_initiatives', scope: {} };

async function knownCluster(manager: EntityManager, id: string, name: string): Promise<void> {
  if (!(await manager.getRepository(ClusterEntity).existsBy({ id }))) rejectWhen(true, name, `names no cluster of the network: ${JSON.stringify(id)}`);
}

/** Network data: written by the General Secretariat alone, each write with its audit entry. */
@Resolver()
export class NetworkInitiativeMutations {
  @Mutation(() => NetworkInitiative, { nullable: true, description: 'Records an initiative the committee agreed on. Secretariat only.' })
  async launchNetworkInitiative(@Ctx() context: NetworkContext, @Arg('input', () => LaunchNetworkInitiativeInput) input: LaunchNetworkInitiativeInput): Promise<NetworkInitiative> {
    requireSecretariat(context.identity, 'launchNetworkInitiative');
    const title = sortableText(input.title, 'title', 200);
    const description = requiredText(input.description, 'description', 1000);
    const startedOn = isoDate(input.startsOn, 'startsOn');
    const endsOn = optionalIsoDate(input.endsOn, 'endsOn');
    rejectWhen(endsOn !== null && endsOn < startedOn, 'endsOn', 'is before startsOn');
    const others = input.clusters ?? [];
    rejectWhen(others.length > MAX_CLUSTERS, 'clusters', `holds more than ${MAX_CLUSTERS} clusters`);
    const clusterIds = [...new Set([input.leadCluster, ...others])];
    return runInTransaction(context.dataSource, async (manager) => {
      // First: on MySQL it locks the numbering, so the checks below see any launch that came before.
      const id = await nextId(manager, INITIATIVE_IDS);
      if (!(await manager.getRepository(ObjectiveEntity).existsBy({ code: input.objective }))) rejectWhen(true, 'objective', `names no objective: ${JSON.stringify(input.objective)}`);
      await knownCluster(manager, input.leadCluster, 'leadCluster');
      for (const cluster of others) await knownCluster(manager, cluster, 'clusters');
      if (await manager.getRepository(NetworkInitiativeEntity).existsBy({ titleKey: foldSortKey(title) })) conflict('title', 'is taken by another network initiative');
      const row: NetworkInitiativeEntity = {
        id,
        title,
        titleKey: foldSortKey(title),
        description,
        objectiveCode: input.objective,
        status: NetworkInitiativeStatus.PLANNED,
        startedOn,
        endsOn,
        leadClusterId: input.leadCluster,
      };
      await manager.insert(NetworkInitiativeEntity, row);
      for (const clusterId of clusterIds) await manager.insert(NetworkInitiativeClusterEntity, { initiativeId: row.id, clusterId });
      await recordAudit(manager, context.identity, {
        clusterId: null,
        operation: 'launchNetworkInitiative',
        objectType: 'networkInitiative',
        objectId: String(row.id),
        before: null,
        after: { ...row, clusterIds },
      });
      return row;
    });
  }

  @Mutation(() => NetworkInitiative, { nullable: true, description: 'Moves a network initiative to its next status. Secretariat only.' })
  async setNetworkInitiativeStatus(@Ctx() context: NetworkContext, @Arg('input', () => SetNetworkInitiativeStatusInput) input: SetNetworkInitiativeStatusInput): Promise<NetworkInitiative> {
    requireSecretariat(context.identity, 'setNetworkInitiativeStatus');
    const id = parseInitiativeId(input.id, 'input.id');
    const endsOn = optionalIsoDate(input.endsOn, 'endsOn');
    return runInTransaction(context.dataSource, async (manager) => {
      const query = manager.getRepository(NetworkInitiativeEntity).createQueryBuilder('i').where('i.id = :id', { id });
      if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
      const before = await query.getOne();
      if (!before) throw graphQLError('NOT_FOUND', `No network initiative with id "${id}"`, { field: 'input.id' });
      if (before.status === input.status) conflict('status', `is already ${input.status}`);
      rejectWhen(NEXT_STATUS[before.status] !== input.status, 'status', `cannot go from ${before.status} to ${input.status}`);
      const after: NetworkInitiativeEntity = { ...before, status: input.status, endsOn: endsOn ?? before.endsOn };
      if (input.status === NetworkInitiativeStatus.COMPLETED) rejectWhen(after.endsOn === null, 'endsOn', 'is required to complete an open-ended initiative');
      rejectWhen(after.endsOn !== null && after.endsOn < after.startedOn, 'endsOn', `is before the initiative started (${after.startedOn})`);
      await manager.update(NetworkInitiativeEntity, { id }, { status: after.status, endsOn: after.endsOn });
      await recordAudit(manager, context.identity, { clusterId: null, operation: 'setNetworkInitiativeStatus', objectType: 'networkInitiative', objectId: String(id), before, after });
      return after;
    });
  }
}
