import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '../paging/sort-direction';
import { MemberKind } from './member-kind';

export enum MemberOrderField {
  NAME = 'NAME',
  EMPLOYEES = 'EMPLOYEES',
  FOUNDED = 'FOUNDED',
}
registerEnumType(MemberOrderField, { name: 'MemberOrderField' });

@InputType('MemberOrder')
export class MemberOrder {
  @Field(() => MemberOrderField, { defaultValue: MemberOrderField.NAME })
  field: MemberOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType('MemberFilter')
export class MemberFilter {
  @Field(() => [MemberKind], { nullable: true })
  kind?: MemberKind[] | null;

  @Field(() => String, { nullable: true, description: 'Matches names ignoring case and diacritics.' })
  nameContains?: string | null;

  @Field(() => Int, { nullable: true })
  minEmployees?: number | null;

  @Field(() => String, { nullable: true, description: 'Matches the city ignoring case and diacritics.' })
  city?: string | null;
}
