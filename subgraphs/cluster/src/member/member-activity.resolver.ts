import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { encodeGlobalId } from '../../../../shared/global-id';
import type { ClusterContext } from '../context';
import { PersonRoleKind } from '../person/person-role';
import { toPerson, toPersonRole } from '../person/person.mapper';
import { currentHolder } from '../person/person.resolver';
import { Person } from '../person/person.type';
import { toServiceRequest } from '../service/service.mapper';
import { ServiceRequest } from '../service/service.type';
import { toWorkingGroup } from '../working-group/working-group.mapper';
import { WorkingGroup } from '../working-group/working-group.type';
import { Member } from './member.type';

/** What a member does in its cluster: its people, working groups and service requests. */
@Resolver(() => Member)
export class MemberActivityResolver {
  @FieldResolver(() => [Person], { description: 'The member\u2019s people in the cluster\u2019s directory, by name.' })
  async people(@Root() member: Member, @Ctx() context: ClusterContext): Promise<Person[]> {
    return (await context.loaders.peopleOfMember.load(member.id)).map(toPerson);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who represents the member in the cluster now.' })
  async representative(@Root() member: Member, @Ctx() context: ClusterContext): Promise<Person | null> {
    const roles = (await context.loaders.rolesOfMember.load(member.id)).map(toPersonRole);
    return currentHolder(context, roles, PersonRoleKind.REPRESENTATIVE);
  }

  @FieldResolver(() => [WorkingGroup], { description: 'Working groups the member takes part in, ordered by id.' })
  async workingGroups(@Root() member: Member, @Ctx() context: ClusterContext): Promise<WorkingGroup[]> {
    const rows = await context.loaders.workingGroupsOfMember.load(member.id);
    const groups = await Promise.all(rows.map((row) => context.loaders.workingGroupById.load(encodeGlobalId(row.clusterId, row.workingGroupId))));
    return groups.filter((group) => group !== null).map(toWorkingGroup);
  }

  @FieldResolver(() => [ServiceRequest], { description: 'Services the member requested, oldest first.' })
  async serviceRequests(@Root() member: Member, @Ctx() context: ClusterContext): Promise<ServiceRequest[]> {
    return (await context.loaders.requestsOfMember.load(member.id)).map(toServiceRequest);
  }
}
