import type { ClusterContext } from '../context';
import { toPerson } from './person.mapper';
import { loadOptional } from './person.resolver';
import type { Person } from './person.type';

export function resolvePersonReference(reference: { id: string }, context: ClusterContext): Promise<Person | null> {
  return loadOptional(context.loaders.personById, reference.id, toPerson);
}
