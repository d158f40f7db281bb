import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { graphQLError } from '../errors';
import { countRepresentations } from './entity-representations';
import { CostMemo } from './cost-memo';
import { operationCost } from './operation-cost';
import { measureOperation, type OperationShape } from './operation-shape';

/**
 * What an operation may ask for, as the gateway checks the client's operation and every subgraph
 * checks the one it is sent (see `shared/gateway-protection.ts` and `shared/subgraph-protection.ts`).
 */
export interface MeasuredLimits {
  /** Deepest field nesting. */
  maxDepth: number;
  /** Aliased fields (those `countsAlias` accepts). */
  maxAliases: number;
  /** Field selections after fragments are expanded; the walk that measures the shape stops past it. */
  maxFields: number;
  /** Estimated cost (`networkCostEstimator`): about the number of objects resolved. */
  maxCost: number;
  /** `_entities` representations in one operation; unbounded when absent (the gateway's schema has none). */
  maxEntities?: number;
  /** Which aliases count against `maxAliases`; every one when absent. */
  countsAlias?: (alias: string) => boolean;
}

type Measure = 'depth' | 'cost' | 'aliases' | 'fields' | 'entities';

const LABELS: Record<Measure, string> = {
  depth: 'depth',
  cost: 'estimated cost',
  aliases: 'number of aliases',
  fields: 'number of fields',
  entities: 'number of entity representations',
};

function tooComplex(measure: Measure, value: number, limit: number) {
  return graphQLError('QUERY_TOO_COMPLEX', `The operation's ${LABELS[measure]} (${value}) is over the limit of ${limit}: ask for less at once, or page through it`, {
    measure,
    limit,
    [measure]: value,
    http: { status: 400 },
  });
}

/**
 * Refuses an operation over any limit before anything of it runs: its shape is measured on the
 * document alone, its entity count and cost with the request's variables, its cost against the
 * schema.
 */
export function operationLimitsPlugin(limits: MeasuredLimits): ApolloServerPlugin {
  const costs = new CostMemo();
  // The shape depends on the document alone, and Apollo Server hands the same parsed document for
  // the same text: measured once per operation node, it is read back at every later request.
  const measured = new WeakMap<OperationDefinitionNode, { fragments: ReadonlyMap<string, FragmentDefinitionNode>; shape: OperationShape }>();
  const measure = (operation: OperationDefinitionNode, document: DocumentNode) => {
    let known = measured.get(operation);
    if (!known) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      known = { fragments, shape: measureOperation(operation, fragments, limits.maxFields, limits.countsAlias) };
      measured.set(operation, known);
    }
    return known;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const { fragments, shape } = measure(operation, document);
          if (shape.fields > limits.maxFields) throw tooComplex('fields', shape.fields, limits.maxFields);
          if (shape.depth > limits.maxDepth) throw tooComplex('depth', shape.depth, limits.maxDepth);
          if (shape.aliases > limits.maxAliases) throw tooComplex('aliases', shape.aliases, limits.maxAliases);
          const variables = request.variables ?? {};
          if (limits.maxEntities !== undefined) {
            const entities = countRepresentations(operation, fragments, variables);
            if (entities > limits.maxEntities) throw tooComplex('entities', entities, limits.maxEntities);
          }
          const cost = costs.cost(document, operation.name?.value, variables, () => costOrNull(() => operationCost(schema, document, variables, operation.name?.value)));
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
