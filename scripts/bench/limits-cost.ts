import { buildClientSchema, getIntrospectionQuery, Kind, parse, validate, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../shared/limits/operation-cost';
import { measureOperation } from '../../shared/limits/operation-shape';
import { median } from './table';

export interface LimitsCost {
  cost: number;
  /** What the gateway pays for every operation anyway: validating it against the schema. */
  validateMicros: number;
  /** Measuring its shape and estimating its cost: what the limits add. */
  limitsMicros: number;
}

/** The schema a running gateway serves, read back through introspection. */
export async function servedSchema(url: string): Promise<GraphQLSchema> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  return buildClientSchema(((await response.json()) as { data: Parameters<typeof buildClientSchema>[0] }).data);
}

function timeMicros(work: () => void, repetitions: number): number {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < repetitions; index++) work();
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / repetitions);
  }
  return median(samples);
}

/** The limits' own work on one parsed operation, next to validation's, in this process. */
export function measureLimits(schema: GraphQLSchema, query: string, repetitions = 2000): LimitsCost {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  // Warm both paths up before timing them.
  for (let index = 0; index < 200; index++) {
    validate(schema, document);
    measureOperation(operation, fragments, 500);
    operationCost(schema, document, {});
  }
  return {
    cost: operationCost(schema, document, {}),
    validateMicros: timeMicros(() => validate(schema, document), repetitions),
    limitsMicros: timeMicros(() => {
      measureOperation(operation, fragments, 500);
      operationCost(schema, document, {});
    }, repetitions),
  };
}
