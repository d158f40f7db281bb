import { Arg, Ctx, Directive, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import { anyId, conflict, idOfCluster, optionalText, rejectWhen, servedId } from '../../../../shared/mutation-input';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeClusterWrite } from '../access/write-access';
import type { ClusterContext } from '../context';
import { nextLocalId } from '../db/local-ids';
import { targetRow } from '../db/rows';
import { currentMember } from '../member/current-member';
import { today } from '../db/transaction';
import { writeTransaction } from '../db/write-transaction';
import { MembershipStatus } from '../membership/membership-status';
import { ServiceRequestEntity } from './service-request.entity';
import { ServiceRequestStatus } from './service-request-status';
import { ServiceEntity } from './service.entity';
import { toServiceRequest } from './service.mapper';
import { ServiceRequest } from './service.type';

const BY_INPUT_ID = shardDirective({ route: 'id', arg: 'input.id' });

@InputType('RequestServiceInput')
class RequestServiceInput {
  @Field(() => ID, { description: 'The service.' })
  id: string;

  @Field(() => ID, { description: 'A member of the service\u2019s cluster.' })
  memberId: string;

  @Field(() => String, { nullable: true, description: 'What the member needs.' })
  note?: string | null;
}

/** A member's requests for its cluster's services: each write on the service's shard. */
@Resolver()
export class ServiceMutations {
  @Mutation(() => ServiceRequest, { nullable: true, description: 'A member asks for one of its cluster\u2019s services.' })
  @Directive(BY_INPUT_ID)
  async requestService(@Ctx() context: ClusterContext, @Arg('input', () => RequestServiceInput) input: RequestServiceInput): Promise<ServiceRequest> {
    const key = servedId(input.id, 'id', context.clusterIds);
    authorizeClusterWrite(context.identity, 'requestService', { cluster: key.clusterId, actingFor: anyId(input.memberId, 'memberId') });
    const memberKey = idOfCluster(input.memberId, 'memberId', key.clusterId);
    const note = optionalText(input.note, 'note', 500) ?? '';
    return writeTransaction(context, 'requestService', async (manager, audit) => {
      // First: on MySQL it locks the cluster's ids, so the checks below see any writer that came before.
      const id = await nextLocalId(manager, 'service_requests', key.clusterId);
      const service = await targetRow(manager, ServiceEntity, key, 'service');
      rejectWhen(!service.active, 'id', `names a service that is no longer offered: "${service.name}"`);
      const member = await currentMember(manager, memberKey, 'memberId');
      rejectWhen(member.membershipStatus !== MembershipStatus.ACTIVE, 'memberId', 'names a suspended member');
      const open = await manager
        .getRepository(ServiceRequestEntity)
        .createQueryBuilder('r')
        .where('r.cluster_id = :clusterId AND r.service_id = :serviceId AND r.member_id = :memberId', { clusterId: key.clusterId, serviceId: key.localId, memberId: memberKey.localId })
        .andWhere('r.status IN (:...open)', { open: [ServiceRequestStatus.REQUESTED, ServiceRequestStatus.IN_PROGRESS] })
        .getOne();
      if (open) conflict('memberId', `already has an open request for this service (since ${open.requestedOn})`);
      const row: ServiceRequestEntity = {
        clusterId: key.clusterId,
        id,
        serviceId: key.localId,
        memberId: memberKey.localId,
        requestedOn: today(),
        status: ServiceRequestStatus.REQUESTED,
        note,
        version: 1,
      };
      await manager.insert(ServiceRequestEntity, row);
      await audit({ clusterId: key.clusterId, objectType: 'serviceRequest', objectId: encodeGlobalId(key.clusterId, id), before: null, after: row });
      return toServiceRequest(row);
    });
  }
}
