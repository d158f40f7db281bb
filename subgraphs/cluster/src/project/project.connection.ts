import { Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Connection } from '../paging/connection';
import { PageInfo } from '../paging/page-info.type';
import { Project } from './project.type';
import { PLAIN_FIELDS } from '../../../../shared/server/federated-schema';

@ObjectType('ProjectEdge', PLAIN_FIELDS)
export class ProjectEdge {
  @Field()
  cursor: string;

  @Field(() => Project)
  node: Project;
}

@ObjectType('ProjectConnection', PLAIN_FIELDS)
export class ProjectConnection {
  @Field(() => [ProjectEdge])
  edges: ProjectEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@Resolver(() => ProjectConnection)
export class ProjectConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: Connection<Project>): Promise<number> {
    return connection.countTotal();
  }
}
