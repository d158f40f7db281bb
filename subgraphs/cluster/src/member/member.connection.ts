import { connectionTypes } from '../../../../shared/paging/connection-types';
import { Member } from './member.type';

const types = connectionTypes('Member', Member);

export const MemberConnection = types.Connection;
export const MemberConnectionResolver = types.TotalCountResolver;
