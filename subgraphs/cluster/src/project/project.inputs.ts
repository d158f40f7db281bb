import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../paging/sort-direction';
import { ProjectStatus } from './project-status';

export enum ProjectOrderField {
  TITLE = 'TITLE',
  STARTED = 'STARTED',
  BUDGET = 'BUDGET',
}
registerEnumType(ProjectOrderField, { name: 'ProjectOrderField' });

@InputType('ProjectOrder')
export class ProjectOrder {
  @Field(() => ProjectOrderField, { defaultValue: ProjectOrderField.TITLE })
  field: ProjectOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType('ProjectFilter')
export class ProjectFilter {
  @Field(() => [ProjectStatus], { nullable: true })
  status?: ProjectStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Matches titles ignoring case and diacritics.' })
  titleContains?: string | null;
}
