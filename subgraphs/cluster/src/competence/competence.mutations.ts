import { Arg, Ctx, Directive, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { inListOrder, type Certification, type CompetenceArea, type CompetenceSets, type FundingProgramme } from '../../../../shared/competences';
import { encodeGlobalId } from '../../../../shared/global-id';
import { rejectWhen, servedId } from '../../../../shared/mutation-input';
import { shardDirective } from '../../../../shared/shard-directive';
import { authorizeClusterWrite } from '../access/write-access';
import type { ClusterContext } from '../context';
import { writeTransaction } from '../db/write-transaction';
import { currentMember } from '../member/current-member';
import { toMember } from '../member/member.mapper';
import { Member } from '../member/member.type';
import { CertificationEnum, CompetenceAreaEnum, FundingProgrammeEnum } from '../../../../shared/competence-enums';
import { loadCompetenceSets, replaceCompetences } from './competence.store';

@InputType('SetMemberCompetencesInput', { description: 'Each list given replaces the member\u2019s; a list left out stays as it is.' })
class SetMemberCompetencesInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => [CompetenceAreaEnum], { nullable: true })
  areas?: CompetenceArea[] | null;

  @Field(() => [CertificationEnum], { nullable: true })
  certifications?: Certification[] | null;

  @Field(() => [FundingProgrammeEnum], { nullable: true })
  programmes?: FundingProgramme[] | null;
}

/** What a member can do, kept by the member's own people or by its cluster's staff. */
@Resolver()
export class CompetenceMutations {
  @Mutation(() => Member, { nullable: true, description: 'Sets a member\u2019s competence areas, certifications or funding programmes.' })
  @Directive(shardDirective({ route: 'id', arg: 'input.memberId' }))
  async setMemberCompetences(@Ctx() context: ClusterContext, @Arg('input', () => SetMemberCompetencesInput) input: SetMemberCompetencesInput): Promise<Member> {
    const key = servedId(input.memberId, 'memberId', context.clusterIds);
    authorizeClusterWrite(context.identity, 'setMemberCompetences', { cluster: key.clusterId, actingFor: key });
    const given = { areas: input.areas, certifications: input.certifications, programmes: input.programmes };
    rejectWhen(Object.values(given).every((list) => list === null || list === undefined), 'memberId', 'is all the input gives: name at least one list to set');
    return writeTransaction(context, 'setMemberCompetences', async (manager, audit) => {
      const member = await currentMember(manager, key, 'memberId');
      const before = await loadCompetenceSets(manager, key.clusterId, key.localId);
      const after: CompetenceSets = {
        areas: given.areas ? inListOrder('AREA', given.areas) : before.areas,
        certifications: given.certifications ? inListOrder('CERTIFICATION', given.certifications) : before.certifications,
        programmes: given.programmes ? inListOrder('PROGRAMME', given.programmes) : before.programmes,
      };
      await replaceCompetences(manager, key.clusterId, key.localId, after);
      await audit({ clusterId: key.clusterId, objectType: 'member-competences', objectId: encodeGlobalId(key.clusterId, key.localId), before, after });
      return toMember(member);
    });
  }
}
