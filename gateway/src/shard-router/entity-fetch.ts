import type { FieldNode } from 'graphql';
import { answerScope, mergeScope, type FetchScope, type Json } from './fetch-scope';
import { mergeObjects, transformSelectionSet } from './merge';
import { printSubOperation } from './operation-plan';
import { answer, asResponseError, atEntityPath, failureError, type ResponseError } from './reassemble';
import { entityTargets } from './route';
import type { GraphQLResponseBody, ShardResult } from './send';
import type { Shard } from './shard-set';

/**
 * `_entities`: representations split by the shard in their key, sent in parallel, and put back in
 * the planner's order; entity types that every cluster contributes to are asked of every shard
 * and merged per representation.
 */
export async function fetchEntities(fetch: FetchScope, field: FieldNode): Promise<GraphQLResponseBody> {
  const { rules, checks, plan, variables, outgoing, shards } = fetch;
  const key = field.alias?.value ?? field.name.value;
  const representations = (variables.representations ?? []) as Json[];
  const entities: unknown[] = representations.map(() => null);
  const errors: ResponseError[] = [];
  const perShard = new Map<Shard, number[]>();
  const fannedOut = new Set<number>();

  representations.forEach((representation, index) => {
    const rule = rules.entities.get(String(representation.__typename));
    try {
      const targets = entityTargets(shards, representation, rule);
      if (rule?.route === 'all') fannedOut.add(index);
      for (const shard of targets) perShard.set(shard, [...(perShard.get(shard) ?? []), index]);
    } catch (error) {
      errors.push(asResponseError(error, [key, index]));
    }
  });

  // Fanned-out entities merge like objects, so their selection carries the merge helpers.
  const cacheKey = fannedOut.size > 0 ? '_entities+helpers' : '_entities';
  let sent = plan.sentEntities.get(cacheKey);
  if (!sent) {
    const sentField = fannedOut.size > 0 && field.selectionSet ? { ...field, selectionSet: transformSelectionSet(field.selectionSet, '_Entity', mergeScope(fetch)) } : field;
    sent = { field: sentField, query: printSubOperation(plan, [sentField]) };
    plan.sentEntities.set(cacheKey, sent);
  }
  const { query, field: sentField } = sent;
  const sends = [...perShard].map(async ([shard, indices]): Promise<[number[], ShardResult]> => {
    const subset = indices.map((index) => representations[index]);
    return [indices, await outgoing.send(shard, { query, variables: { ...variables, representations: subset } }, true)];
  });
  const answers = new Map<number, Json[]>();
  for (const [indices, result] of await Promise.all(sends)) {
    if (!result.ok) {
      if (result.failure === 'misbehaved') outgoing.refused(result.shard, result.reason);
      errors.push(failureError(result.shard, result.failure, result.reason, [key, indices[0]!]));
      continue;
    }
    const list = result.body.data?.[key];
    const shardReportedErrors = (result.body.errors?.length ?? 0) > 0;
    const refusal =
      (list === null || list === undefined) && shardReportedErrors
        ? undefined
        : checks.entities(list, indices.map((index) => representations[index]!), sentField, answerScope(fetch, variables, result.shard));
    if (refusal) {
      outgoing.refused(result.shard, refusal);
      errors.push(failureError(result.shard, 'misbehaved', refusal, [key, indices[0]!]));
      continue;
    }
    const returned = (list ?? []) as unknown[];
    indices.forEach((index, position) => {
      const value = returned[position] ?? null;
      if (fannedOut.has(index)) {
        if (value !== null) answers.set(index, [...(answers.get(index) ?? []), value as Json]);
      } else entities[index] = value;
    });
    for (const error of result.body.errors ?? []) errors.push(atEntityPath(error, key, indices));
  }
  const scope = mergeScope(fetch);
  for (const index of fannedOut) {
    const values = answers.get(index);
    entities[index] = values ? mergeObjects(values, field.selectionSet, String(representations[index]!.__typename), scope) : null;
  }
  return answer({ [key]: entities }, errors);
}
