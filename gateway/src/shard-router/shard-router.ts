import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { type FieldNode, type GraphQLOutputType, type VariableDefinitionNode } from 'graphql';
import { GATEWAY_ASSERTION_HEADER, type AssertionSigner } from '../../../shared/auth/gateway-assertion';
import { errorBody } from '../../../shared/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/idempotency/idempotency-key';
import { DEFAULT_PAGE_SIZE } from '../../../shared/page-size';
import { REQUEST_ID_HEADER } from '../../../shared/server/request-id';
import { ANSWER_CHECKS, type AnswerChecks, type AnswerScope } from './answer-check';
import { initialShares, type PagingVariables } from './connection-share';
import { mergeField, mergeObjects, transformSelectionSet } from './merge';
import { ConnectionMerge, type MergeScope } from './merge-rules';
import { OperationPlanCache, printSubOperation, type OperationPlan } from './operation-plan';
import { answer, asResponseError, atEntityPath, failureError, writeOutcome, type ResponseError } from './reassemble';
import { entityTargets, rootTargets, withVariableDefaults } from './route';
import { rootFieldPlans, type SharedPage } from './root-fields';
import { argumentValue, type Variables } from './selection';
import type { GraphQLResponseBody, ShardFailure, ShardRequest, ShardResult } from './send';
import type { GatewayContext } from '../gateway-context';
import type { ShardClient } from './shard-client';
import type { Shard, ShardSet } from './shard-set';
import { specOf, type RouteRule, type ShardRules } from './shard-rules';

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
  /** Set with `paging`: what the field's shards' row counts are learnt into. */
  shared?: SharedPage;
}
type Json = Record<string, unknown>;
/** How one incoming request reaches shards, and where a shard's answer to it that was refused is told. */
interface Outgoing {
  send(shard: Shard, request: ShardRequest, idempotent: boolean): Promise<ShardResult>;
  refused(shard: Shard, reason: string): void;
}
/** Tells the answer that a shard's data is missing from a field, once per shard; `sent`: whether the request may have reached it. */
type Report = (shard: Shard, failure: ShardFailure, reason: string, key: string, sent: boolean) => void;
/** A shard's further rows were refused: the page must be merged again without it. */
const REFUSED = Symbol('refused');

/**
 * The data source of one sharded logical subgraph. For each fetch the query planner sends it, it
 * picks the shards that own the data (route), sends each its part (split, send), and puts the
 * answers together as one database would have given them (merge, reassemble).
 */
export class ShardRouter implements GraphQLDataSource {
  private plans = new OperationPlanCache();

  constructor(
    readonly subgraph: string,
    private rules: ShardRules,
    shards: ShardSet | (() => ShardSet),
    private readonly client: ShardClient,
    private readonly signAssertion: AssertionSigner,
    private readonly checks: AnswerChecks = ANSWER_CHECKS,
  ) {
    this.currentShards = typeof shards === 'function' ? shards : () => shards;
  }

  /**
   * Serves the subgraph's schema as the network now composes it. Set with the supergraph it was
   * composed with: the gateway plans every fetch on the newest supergraph, so the rules follow it.
   */
  useRules(rules: ShardRules): void {
    this.rules = rules;
    this.plans = new OperationPlanCache();
  }

  /** The network's shards now; a request uses the set it began with (`GatewayContext.shards`). */
  private readonly currentShards: () => ShardSet;

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const query = options.request.query;
    if (!query) return { errors: [errorBody('INTERNAL_SERVER_ERROR', 'The shard router needs the query text')] };
    if (options.kind !== 'incoming operation') return this.forwardToAnyShard(query, options.request.variables ?? {});
    const plan = this.plans.get(query);
    const variables = withVariableDefaults(plan.operation, (options.request.variables ?? {}) as Variables);
    const outgoing = this.outgoing(options.context);
    const shards = (options.context as Partial<GatewayContext> | undefined)?.shards ?? this.currentShards();
    const response = plan.entitiesField
      ? await this.fetchEntities(plan, plan.entitiesField, variables, outgoing, shards)
      : await this.fetchRootFields(plan, variables, outgoing, shards);
    return response as GatewayGraphQLResponse;
  }

  private scope(plan: OperationPlan, variables: Variables): MergeScope & { rules: ShardRules } {
    return { schema: this.rules.schema, rules: this.rules, variables, fragments: plan.fragments };
  }

  /** How a shard's answer is checked: against what was sent to it, with the variables it got, for the clusters it serves. */
  private answerScope(plan: OperationPlan, variables: Variables, shard: Shard): AnswerScope {
    return { ...this.scope(plan, variables), own: ownClusters(shard) };
  }

  /**
   * How this request reaches shards: with the gateway's assertion for the shard's clusters, and the
   * caller's `Authorization` header and nothing else that names the caller. Each shard verifies both.
   * A mutation (the one request that is not idempotent) also carries the caller's Idempotency-Key,
   * to the one shard it goes to; reads never do, as they have nothing to deduplicate.
   */
  private outgoing(context: unknown): Outgoing {
    const { authorization, idempotencyKey, requestId } = (context as Partial<GatewayContext> | undefined) ?? {};
    return {
      send: async (shard, request, idempotent) =>
        this.client.send(shard, this.subgraph, request, idempotent, await this.headersFor(shard, { authorization, requestId, idempotencyKey: idempotent ? undefined : idempotencyKey })),
      refused: (shard, reason) => this.client.refused(shard, reason, requestId),
    };
  }

  private async headersFor(shard: Shard, caller: Pick<GatewayContext, 'authorization' | 'idempotencyKey' | 'requestId'> = {}): Promise<Record<string, string>> {
    const headers: Record<string, string> = { [GATEWAY_ASSERTION_HEADER]: await this.signAssertion(shard.clusterIds) };
    if (caller.requestId) headers[REQUEST_ID_HEADER] = caller.requestId;
    if (caller.authorization) headers.authorization = caller.authorization;
    if (caller.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = caller.idempotencyKey;
    return headers;
  }

  /** Root fields: each to the shard its argument names, or to every shard asked for, then merged. */
  private async fetchRootFields(plan: OperationPlan, variables: Variables, outgoing: Outgoing, shards: ShardSet): Promise<GraphQLResponseBody> {
    const scope = this.scope(plan, variables);
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
    const sentVariables = (shard: Shard): Json => {
      const own = ownVariables.get(shard);
      return own ? { ...shardVariables, ...own } : shardVariables;
    };

    const rootFields = rootFieldPlans(plan, this.rules, variables);
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
        return outgoing.send(shard, { query: text, variables: sentVariables(shard) }, rootType === 'Query');
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
        const refusal = this.checks.rootField(result.body.data, key, sent, fieldType, this.answerScope(plan, sentVariables(shard), shard), (result.body.errors?.length ?? 0) > 0);
        if (refusal) {
          // It answered, so a write it was sent may well have committed: refusing the answer does not undo it.
          report(shard, 'misbehaved', refusal, key, true);
          continue;
        }
        if (routedField.shared) learnRowCount(routedField.shared, shard, result.body.data?.[key]);
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
          const more = await this.nextRows(plan, routedField, connections[index]![1], merge, index, shardVariables, extraVariables, report, outgoing);
          if (more === REFUSED) {
            refusedIndex = index;
            break;
          }
          merge.extend(index, more);
        }
        if (refusedIndex === undefined) {
          data[key] = merge.result();
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
  private async nextRows(
    plan: OperationPlan,
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
    const refusal = this.checks.rootField(result.body.data, field.key, field.sent, field.type, this.answerScope(plan, request.variables, shard), false);
    if (refusal) {
      report(shard, 'misbehaved', refusal, field.key, true);
      return REFUSED;
    }
    return result.body.data![field.key] as Json;
  }

  /**
   * `_entities`: representations split by the shard in their key, sent in parallel, and put back in
   * the planner's order; entity types that every cluster contributes to are asked of every shard
   * and merged per representation.
   */
  private async fetchEntities(plan: OperationPlan, field: FieldNode, variables: Variables, outgoing: Outgoing, shards: ShardSet): Promise<GraphQLResponseBody> {
    const key = field.alias?.value ?? field.name.value;
    const representations = (variables.representations ?? []) as Json[];
    const entities: unknown[] = representations.map(() => null);
    const errors: ResponseError[] = [];
    const perShard = new Map<Shard, number[]>();
    const fannedOut = new Set<number>();

    representations.forEach((representation, index) => {
      const rule = this.rules.entities.get(String(representation.__typename));
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
      const sentField = fannedOut.size > 0 && field.selectionSet ? { ...field, selectionSet: transformSelectionSet(field.selectionSet, '_Entity', this.scope(plan, variables)) } : field;
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
          : this.checks.entities(list, indices.map((index) => representations[index]!), sentField, this.answerScope(plan, variables, result.shard));
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
    const scope = this.scope(plan, variables);
    for (const index of fannedOut) {
      const values = answers.get(index);
      entities[index] = values ? mergeObjects(values, field.selectionSet, String(representations[index]!.__typename), scope) : null;
    }
    return answer({ [key]: entities }, errors);
  }

  /** Schema loading and health checks: any shard answers for all, since all serve one schema. */
  private async forwardToAnyShard(query: string, variables: Json): Promise<GatewayGraphQLResponse> {
    let lastReason = 'no shards';
    for (const shard of this.currentShards().shards.filter((candidate) => !candidate.suspended)) {
      const result = await this.client.send(shard, this.subgraph, { query, variables }, true, await this.headersFor(shard));
      if (result.ok) return result.body as GatewayGraphQLResponse;
      lastReason = `${shard.name}: ${result.reason}`;
    }
    return { errors: [errorBody('CLUSTER_UNAVAILABLE', `No shard of ${this.subgraph} answers (${lastReason})`)] } as GatewayGraphQLResponse;
  }
}

/** A shard's `totalCount` for a shared page, kept to size its share of the next page. */
function learnRowCount(shared: SharedPage, shard: Shard, connection: unknown): void {
  if (!shared.countKey || typeof connection !== 'object' || connection === null) return;
  const count = (connection as Json)[shared.countKey];
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) shared.rowCounts.set(shard, count);
}

/** The clusters a shard serves, as the answer checks look them up; a shard's set is made once. */
const OWN_CLUSTERS = new WeakMap<Shard, ReadonlySet<string>>();
function ownClusters(shard: Shard): ReadonlySet<string> {
  let own = OWN_CLUSTERS.get(shard);
  if (!own) OWN_CLUSTERS.set(shard, (own = new Set(shard.clusterIds)));
  return own;
}
