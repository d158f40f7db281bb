import type { ClusterContext } from '../context';
import { toPerson } from './person.mapper';
import { loadOptional } from '../db/row-loaders';
import type { Person } from './person.type';

export function resolvePersonReference(reference: { id: string }, context: ClusterContext): Promise<Person | null> {
  return loadOptional(context.loaders.personById, reference.id, toPerson);
}
