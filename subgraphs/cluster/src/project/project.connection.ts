import { connectionTypes } from '../../../../shared/paging/connection-types';
import { Project } from './project.type';

const types = connectionTypes('Project', Project);

export const ProjectConnection = types.Connection;
export const ProjectConnectionResolver = types.TotalCountResolver;
