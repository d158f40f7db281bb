import { GraphQLError } from 'graphql';
import { clusterMisbehaved, clusterSchemaMismatch, clusterUnavailable, errorBody, type WriteOutcome } from '../../../shared/errors';
import type { GraphQLResponseBody, ShardFailure } from './send';
import type { Shard } from './shard-set';

/**
 * The reassemble stage: the answer the client receives from the merged data and every error met
 * on the way, each where it belongs: a shard's missing data named by cluster, a shard's own errors
 * at the client's paths, the same error from several shards once.
 */

export type ResponseError = NonNullable<GraphQLResponseBody['errors']>[number];

/** The error that says a shard's data is missing from the answer, and why; for a write, whether it may have happened. */
export function failureError(shard: Shard, failure: ShardFailure, reason: string, path: ReadonlyArray<string | number>, outcome?: WriteOutcome): ResponseError {
  const build = failure === 'misbehaved' ? clusterMisbehaved : failure === 'schema-mismatch' ? clusterSchemaMismatch : clusterUnavailable;
  const error = build(shard.clusterIds.join(','), reason, path, outcome);
  return { ...error, extensions: { ...error.extensions } };
}

/**
 * What a failed request to a shard means for a mutation (see WRITE_OUTCOMES): a request that may
 * have reached it may have committed, one that never left did not. A read changes nothing, so its
 * errors say nothing of an outcome.
 */
export function writeOutcome(rootType: 'Query' | 'Mutation', sent: boolean): WriteOutcome | undefined {
  if (rootType !== 'Mutation') return undefined;
  return sent ? 'unknown' : 'not-applied';
}

/** A routing failure (a malformed id, an unknown cluster) as the error at the field it stopped. */
export function asResponseError(error: unknown, path: ReadonlyArray<string | number>): ResponseError {
  if (error instanceof GraphQLError) return { message: error.message, path, extensions: { ...error.extensions } };
  return { ...errorBody('INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : 'routing failed'), path };
}

/**
 * A shard's error about one of the representations it was sent, at the path of that
 * representation in the planner's list: the shard numbered them within its own share.
 */
export function atEntityPath(error: ResponseError, key: string, indices: readonly number[]): ResponseError {
  const path = error.path;
  const position = path && path[0] === key && typeof path[1] === 'number' ? path[1] : undefined;
  return position === undefined ? error : { ...error, path: [key, indices[position]!, ...path!.slice(2)] };
}

/** The answer: the data, and the errors when there are any, the same validation error from nine shards once. */
export function answer(data: Record<string, unknown>, errors: readonly ResponseError[]): GraphQLResponseBody {
  const unique = dedupe(errors);
  return unique.length > 0 ? { data, errors: unique } : { data };
}

function dedupe(errors: readonly ResponseError[]): ResponseError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.message}\u0000${JSON.stringify(error.path ?? null)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
