import { valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { badUserInput } from '../../../shared/errors';
import { decodeGlobalId, describeInput, tryDecodeGlobalId, type GlobalId } from '../../../shared/global-id';
import { argumentPathValue, argumentValue, type Variables } from './selection';
import type { RouteRule } from './shard-rules';
import type { Shard, ShardSet } from './shard-set';

/**
 * The route stage: from a request's variables to the shards each part of it goes to. Everything
 * here depends on the request; what depends on the operation alone was compiled before.
 */

/** The shards a root field goes to: every shard asked for, or the one its argument names. */
export function rootTargets(shards: ShardSet, field: FieldNode, rule: RouteRule, variables: Variables): Shard[] {
  if (rule.route === 'all') {
    const clusters = argumentValue(field, 'clusters', variables);
    const targets = shards.forClusters(clusters);
    // An empty subset still asks one shard (one that is not suspended), so the answer has the shape and zeros of a real one.
    if (targets.length > 0) return targets;
    const first = shards.shards.find((shard) => !shard.suspended) ?? shards.shards[0];
    return first ? [first] : [];
  }
  // A mutation names its shard inside its input (`input.id`, `input.cluster`); a query by an argument.
  const value = argumentPathValue(field, rule.arg!, variables);
  const clusterId = rule.route === 'id' ? decodeRoutingId(value, rule.arg!).clusterId : String(value);
  return [shards.forCluster(clusterId, rule.arg)];
}

/** The shards one `_entities` representation goes to: the one its key names, or every shard for a type all clusters contribute to. */
export function entityTargets(shards: ShardSet, representation: Record<string, unknown>, rule: RouteRule | undefined): Shard[] {
  if (!rule) throw new Error(`No shard route for entity type ${String(representation.__typename)}`);
  if (rule.route === 'all') return [...shards.shards];
  const value = representation[rule.arg ?? 'id'];
  return [shards.forCluster(rule.route === 'id' ? decodeGlobalId(value).clusterId : String(value))];
}

/** The routing id of a root field, its path named in the error when malformed. */
function decodeRoutingId(value: unknown, path: string): GlobalId {
  const id = tryDecodeGlobalId(value);
  if (!id) throw badUserInput(`Malformed id ${describeInput(value)} in ${path}: expected "<clusterId>:<localId>", e.g. "banat:42"`, { argument: path, ...(path.includes('.') ? { field: path } : {}) });
  return id;
}

/** The request's variables with the operation's defaults for those not given: what routing reads. */
export function withVariableDefaults(operation: OperationDefinitionNode, variables: Variables): Variables {
  const missing = (operation.variableDefinitions ?? []).filter((definition) => definition.defaultValue && !(definition.variable.name.value in variables));
  if (missing.length === 0) return variables;
  const filled: Record<string, unknown> = { ...variables };
  for (const definition of missing) filled[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue!);
  return filled;
}
