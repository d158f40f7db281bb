import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { graphQLError } from '../../../shared/errors';
import { operationCost } from './operation-cost';
import { measureOperation } from './operation-shape';
import type { OperationLimits } from '../../../shared/gateway-protection';

type Measure = 'depth' | 'cost' | 'aliases' | 'fields';

const LABELS: Record<Measure, string> = { depth: 'depth', cost: 'estimated cost', aliases: 'number of aliases', fields: 'number of fields' };

function tooComplex(measure: Measure, value: number, limit: number) {
  return graphQLError('QUERY_TOO_COMPLEX', `The operation's ${LABELS[measure]} (${value}) is over the limit of ${limit}: ask for less at once, or page through it`, {
    measure,
    limit,
    [measure]: value,
    http: { status: 400 },
  });
}

/**
 * Refuses an operation over any limit before a shard is asked: its shape is measured on the
 * document alone, its cost against the schema with the request's variables.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          const shape = measureOperation(operation, fragments, limits.maxFields);
          if (shape.fields > limits.maxFields) throw tooComplex('fields', shape.fields, limits.maxFields);
          if (shape.depth > limits.maxDepth) throw tooComplex('depth', shape.depth, limits.maxDepth);
          if (shape.aliases > limits.maxAliases) throw tooComplex('aliases', shape.aliases, limits.maxAliases);
          const cost = costOrNull(() => operationCost(schema, document, request.variables ?? {}, operation.name?.value));
          if (cost !== null && cost > limits.maxCost) throw tooComplex('cost', cost, limits.maxCost);
        },
      };
    },
  };
}

/**
 * The cost, or null when the variables do not fit the operation: execution refuses those with
 * BAD_USER_INPUT before anything runs, so no limit is needed for them.
 */
function costOrNull(measure: () => number): number | null {
  try {
    return measure();
  } catch {
    return null;
  }
}
