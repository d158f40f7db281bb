import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId } from '../../../../shared/global-id';
import { shardDirective } from '../../../../shared/shard-directive';
import type { ClusterContext } from '../context';
import { loadOptional } from '../db/row-loaders';
import { Board } from '../governance/governance.type';
import { toBoard } from '../governance/governance.mapper';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import { WorkingGroup } from '../working-group/working-group.type';
import { toWorkingGroup } from '../working-group/working-group.mapper';
import { PersonRoleKind } from './person-role';
import { toPerson, toPersonRole } from './person.mapper';
import { Person, PersonRole } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  @Directive(shardDirective({ route: 'id', arg: 'id' }))
  async person(@Ctx() context: ClusterContext, @Arg('id', () => ID) id: string): Promise<Person | null> {
    decodeGlobalId(id);
    return loadOptional(context.loaders.personById, id, toPerson);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The organisation the person works for; null for the cluster\u2019s staff.' })
  member(@Root() person: Person, @Ctx() context: ClusterContext): Promise<Member | null> {
    return loadOptional(context.loaders.memberById, person.memberId, toMember);
  }

  @FieldResolver(() => [PersonRole], { description: 'Roles held now and before, oldest first; only current ones with `current: true`.' })
  async roles(@Root() person: Person, @Ctx() context: ClusterContext, @Arg('current', () => Boolean, { nullable: true }) current?: boolean | null): Promise<PersonRole[]> {
    const roles = (await context.loaders.rolesOfPerson.load(person.id)).map(toPersonRole);
    return current === null || current === undefined ? roles : roles.filter((role) => role.current === current);
  }
}

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Person)
  async person(@Root() role: PersonRole, @Ctx() context: ClusterContext): Promise<Person | null> {
    return loadOptional(context.loaders.personById, role.personId, toPerson);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'For a representative: the member represented.' })
  member(@Root() role: PersonRole, @Ctx() context: ClusterContext): Promise<Member | null> {
    return loadOptional(context.loaders.memberById, role.memberId, toMember);
  }

  @FieldResolver(() => Board, { nullable: true, description: 'For a director or the president: the board.' })
  board(@Root() role: PersonRole, @Ctx() context: ClusterContext): Promise<Board | null> {
    return loadOptional(context.loaders.boardById, role.boardId, toBoard);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true, description: 'For a coordinator: the working group.' })
  workingGroup(@Root() role: PersonRole, @Ctx() context: ClusterContext): Promise<WorkingGroup | null> {
    return loadOptional(context.loaders.workingGroupById, role.workingGroupId, toWorkingGroup);
  }
}

/** The current holder of `kind` among `roles`, or null. */
export async function currentHolder(context: ClusterContext, roles: readonly PersonRole[], kind: PersonRoleKind): Promise<Person | null> {
  const role = roles.find((candidate) => candidate.role === kind && candidate.current);
  return role ? loadOptional(context.loaders.personById, role.personId, toPerson) : null;
}

