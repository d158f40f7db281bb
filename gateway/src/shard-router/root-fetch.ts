import type { FieldNode, GraphQLOutputType, VariableDefinitionNode } from 'graphql';
import { errorBody } from '../../../shared/errors';
import { DEFAULT_PAGE_SIZE } from '../../../shared/page-size';
import { initialShares, type PagingVariables } from './connection-share';
import { answerScope, mergeScope, type FetchScope, type Json, type Outgoing } from './fetch-scope';
import { mergeField } from './merge';
import { ConnectionMerge } from './merge-rules';
import { printSubOperation } from './operation-plan';
import { answer, asResponseError, failureError, writeOutcome, type ResponseError } from './reassemble';
import { rootTargets } from './route';
import { rootFieldPlans, type SharedPage } from './root-fields';
import { argumentValue } from './selection';
import type { GraphQLResponseBody, ShardFailure } from './send';
import type { Shard } from './shard-set';
import { specOf, type RouteRule } from './shard-rules';

/*
 * One fetch of root fields, through the stages in order: the compiled root fields
 * (root-fields.ts), routed (route.ts), each shard's share of a page (connection-share.ts), sent
 * (the fetch's `outgoing`, over shard-client.ts), each answer checked (answer-check.ts), merged by
 * each field's rule (merge.ts, merge-rules/), the answer reassembled (reassemble.ts).
 */

/** A root field of the operation, with where it goes and what is sent for it. */
interface RoutedField {
  key: string;
  /** The field's declared type, which each shard's answer must fit. */
  type: GraphQLOutputType;
  /** The client's field nodes, from which the answer is built. */
  nodes: FieldNode[];
  rule: RouteRule;
  targets: Shard[];
  /** The field nodes as shards receive them: merge helpers added, paging in variables. */
  sent: FieldNode[];
  /** Set when each shard was asked for a share of the page rather than the whole page. */
  paging?: PagingVariables;
  /** Where the documents printed for the operation's root fields are kept. */
  documents: Map<string, string>;
  /** Set with `paging`: where the rows each shard gave the page are kept, to size its next share. */
  shared?: SharedPage;
}
/** Tells the answer that a shard's data is missing from a field, once per shard; `sent`: whether the request may have reached it. */
type Report = (shard: Shard, failure: ShardFailure, reason: string, key: string, sent: boolean) => void;
/** A shard's further rows were refused: the page must be merged again without it. */
const REFUSED = Symbol('refused');

/** Root fields: each to the shard its argument names, or to every shard asked for, then merged. */
export async function fetchRootFields(fetch: FetchScope): Promise<GraphQLResponseBody> {
  const { rules, checks, plan, variables, outgoing, shards } = fetch;
  const scope = mergeScope(fetch);
  const rootType = plan.operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const data: Json = {};
  const errors: ResponseError[] = [];
  const routed: RoutedField[] = [];
  // Per shard, the fields it is sent and the key of their printed document.
  const perShard = new Map<Shard, { fields: FieldNode[]; document: string }>();
  const shardVariables: Json = { ...variables };
  const extraVariables: VariableDefinitionNode[] = [];
  // Shards asked for shares of a page each get their own variables: their shares differ.
  const ownVariables = new Map<Shard, Json>();
  const variablesOf = (shard: Shard): Json => {
    let own = ownVariables.get(shard);
    if (!own) ownVariables.set(shard, (own = {}));
    return own;
  };
  // What each shard was sent, built once: its answer is checked against the same variables.
  const sentVariables = new Map<Shard, Json>();

  const rootFields = rootFieldPlans(plan, rules, variables);
  for (const fieldPlan of rootFields.fields) {
    const { key } = fieldPlan;
    if (fieldPlan.kind === 'typename') {
      data[key] = rootType;
      continue;
    }
    if (fieldPlan.kind === 'unrouted') {
      data[key] = null;
      errors.push({ ...errorBody('INTERNAL_SERVER_ERROR', `No shard route for ${rootType}.${fieldPlan.name}`), path: [key] });
      continue;
    }
    const { nodes, rule } = fieldPlan;
    const field = nodes[0]!;
    let targets: Shard[];
    try {
      targets = rootTargets(shards, field, rule, variables);
    } catch (error) {
      data[key] = null;
      errors.push(asResponseError(error, [key]));
      continue;
    }
    // A page over several shards: each is asked for its likely share of the rows, not the whole page.
    const { shared } = fieldPlan;
    const shares = shared && initialShares(argumentValue(field, 'first', variables) ?? DEFAULT_PAGE_SIZE, targets, shared.rowCounts);
    let sent = fieldPlan.sent;
    let paging: PagingVariables | undefined;
    if (shares && shared) {
      ({ nodes: sent, paging } = shared);
      extraVariables.push(...paging.definitions);
      shardVariables[paging.after] = argumentValue(field, 'after', variables) ?? null;
      for (const [shard, share] of shares) variablesOf(shard)[paging.first] = share;
    }
    routed.push({ key, nodes, rule, type: fieldPlan.type, targets, sent, paging, documents: rootFields.printed, ...(shares && shared ? { shared } : {}) });
    // Whether a field's page is shared out varies per request, so it is part of the document's key.
    const part = paging ? `${key}~` : key;
    for (const shard of targets) {
      const fields = perShard.get(shard);
      if (fields) {
        fields.fields.push(...sent);
        fields.document += `,${part}`;
      } else perShard.set(shard, { fields: [...sent], document: part });
    }
  }

  const results = await Promise.all(
    [...perShard].map(([shard, { fields, document }]) => {
      let text = rootFields.printed.get(document);
      if (!text) {
        text = printSubOperation(plan, fields, extraVariables);
        rootFields.printed.set(document, text);
      }
      const own = ownVariables.get(shard);
      const shardSent = own ? { ...shardVariables, ...own } : shardVariables;
      sentVariables.set(shard, shardSent);
      return outgoing.send(shard, { query: text, variables: shardSent }, rootType === 'Query');
    }),
  );
  const byShard = new Map(results.map((result) => [result.shard, result]));

  const reported = new Set<Shard>();
  const refused = new Set<Shard>();
  const report: Report = (shard, failure, reason, key, sent) => {
    if (failure === 'misbehaved') {
      refused.add(shard);
      outgoing.refused(shard, reason);
    }
    if (!reported.has(shard)) errors.push(failureError(shard, failure, reason, [key], writeOutcome(rootType, sent)));
    reported.add(shard);
  };
  for (const routedField of routed) {
    const { key, nodes, rule, targets, sent, type: fieldType } = routedField;
    const answers: Json[] = [];
    const answered: Shard[] = [];
    for (const shard of targets) {
      const result = byShard.get(shard)!;
      if (!result.ok) {
        report(shard, result.failure, result.reason, key, result.sent);
        continue;
      }
      const refusal = checks.rootField(result.body.data, key, sent, fieldType, answerScope(fetch, sentVariables.get(shard)!, shard), (result.body.errors?.length ?? 0) > 0);
      if (refusal) {
        // It answered, so a write it was sent may well have committed: refusing the answer does not undo it.
        report(shard, 'misbehaved', refusal, key, true);
        continue;
      }
      answers.push(result.body.data ?? {});
      answered.push(shard);
    }
    if (rule.route !== 'all') {
      data[key] = answers[0]?.[key] ?? null;
      continue;
    }
    if (rule.merge !== 'connection') {
      data[key] = mergeField(specOf(rule, rule.merge!), answers.map((answer) => answer[key]), nodes, rule.typeName!, scope);
      continue;
    }
    let connections = answers.map((answer, index) => [answer[key], answered[index]!] as const).filter(([value]) => value !== null && value !== undefined);
    // A shard whose further rows are refused is dropped from the page entirely and the merge
    // starts again without it: none of its rows or counts may stay in the answer.
    for (;;) {
      if (connections.length === 0) {
        data[key] = null;
        break;
      }
      const merge = new ConnectionMerge(connections.map(([value]) => ({ ...(value as Json) })), nodes, rule.typeName!, scope);
      let refusedIndex: number | undefined;
      for (let index = merge.advance(); index !== undefined; index = merge.advance()) {
        const more = await nextRows(fetch, routedField, connections[index]![1], merge, index, shardVariables, extraVariables, report, outgoing);
        if (more === REFUSED) {
          refusedIndex = index;
          break;
        }
        merge.extend(index, more);
      }
      if (refusedIndex === undefined) {
        data[key] = merge.result();
        if (routedField.shared) merge.taken().forEach((taken, index) => routedField.shared!.rowCounts.set(connections[index]![1], taken));
        break;
      }
      connections = connections.filter((_, index) => index !== refusedIndex);
    }
  }
  // A refused shard's errors are no more to be believed than its data.
  for (const result of results) if (result.ok && !refused.has(result.shard)) errors.push(...(result.body.errors ?? []));
  return answer(data, errors);
}

/** A shard's rows after the last one a merge holds from it, up to what the page still takes. */
async function nextRows(
  fetch: FetchScope,
  field: RoutedField,
  shard: Shard,
  merge: ConnectionMerge,
  index: number,
  variables: Json,
  extraVariables: readonly VariableDefinitionNode[],
  report: Report,
  outgoing: Outgoing,
): Promise<Json | undefined | typeof REFUSED> {
  if (!field.paging) return undefined;
  const { plan } = fetch;
  const cacheKey = `next:${field.key}`;
  let text = field.documents.get(cacheKey);
  if (!text) {
    text = printSubOperation(plan, field.sent, extraVariables);
    field.documents.set(cacheKey, text);
  }
  const request = { query: text, variables: { ...variables, [field.paging.first]: merge.remaining, [field.paging.after]: merge.lastCursor(index) } };
  const result = await outgoing.send(shard, request, true);
  if (!result.ok) {
    report(shard, result.failure, result.reason, field.key, result.sent);
    return result.failure === 'misbehaved' ? REFUSED : undefined;
  }
  // The shard had more rows a moment ago: an answer without them is refused, not taken as the end.
  const refusal = fetch.checks.rootField(result.body.data, field.key, field.sent, field.type, answerScope(fetch, request.variables, shard), false);
  if (refusal) {
    report(shard, 'misbehaved', refusal, field.key, true);
    return REFUSED;
  }
  return result.body.data![field.key] as Json;
}
