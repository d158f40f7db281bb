import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import { mayReadMemberRecords } from '../access/member-records-access';
import type { ClusterContext } from '../context';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import { loadOptional } from '../db/row-loaders';
import { toService, toServiceRequest } from './service.mapper';
import { Service, ServiceRequest } from './service.type';

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => Service, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  service(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Service | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.serviceById, id, toService);
  }

  @FieldResolver(() => [ServiceRequest], { description: 'Members\u2019 requests, oldest first.' })
  async requests(@Root() service: Service, @Ctx() context: ClusterContext): Promise<ServiceRequest[]> {
    return (await context.loaders.requestsOfService.load(service.id)).map(toServiceRequest);
  }
}

@Resolver(() => ServiceRequest)
export class ServiceRequestResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the member wrote with its request, possibly empty. For the member\u2019s own people and its cluster\u2019s staff only: null for anyone else.',
  })
  note(@Root() request: ServiceRequest, @Ctx() context: ClusterContext): string | null {
    // Null, not empty, when hidden: an empty note is one the member left blank (member-records-access.ts).
    return mayReadMemberRecords(context.identity, request.memberId) ? request.note : null;
  }

  @FieldResolver(() => Service)
  service(@Root() request: ServiceRequest, @Ctx() context: ClusterContext): Promise<Service | null> {
    return loadOptional(context.loaders.serviceById, request.serviceId, toService);
  }

  @FieldResolver(() => Member)
  member(@Root() request: ServiceRequest, @Ctx() context: ClusterContext): Promise<Member | null> {
    return loadOptional(context.loaders.memberById, request.memberId, toMember);
  }
}

export function resolveServiceReference(reference: { id: string }, context: ClusterContext): Promise<Service | null> {
  return loadOptional(context.loaders.serviceById, reference.id, toService);
}
