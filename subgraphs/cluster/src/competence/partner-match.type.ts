import { Field, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../../shared/paging/connection-types';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';
import { Member } from '../member/member.type';
import { MemberCompetences } from './competence.type';

@ObjectType('PartnerMatch', { ...PLAIN_FIELDS, description: 'A member that brings some of what a need asks for.' })
export class PartnerMatch {
  @Field(() => Member)
  member: Member;

  @Field(() => Int, {
    description:
      '1000 for each competence asked that the member has, 100 for each certification asked that it holds, 10 for each programme asked it took part in, and 1 when its employees are within the range asked. Computed by its own cluster from its own rows.',
  })
  score: number;

  @Field(() => MemberCompetences, { description: 'What of the need the member brings.' })
  matched: MemberCompetences;
}

const types = connectionTypes('PartnerMatch', PartnerMatch, 'Members matching the need, over every cluster asked for.');

export const PartnerMatchConnection = types.Connection;
export const PartnerMatchConnectionResolver = types.TotalCountResolver;
