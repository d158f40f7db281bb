import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { createAssertionSigner, createAssertionVerifier, GATEWAY_KEY_PREFIX } from '../../shared/auth/gateway-assertion';
import { generateSigningKey } from '../../shared/auth/signing-keys';
import { checkRootField, type AnswerScope } from '../../gateway/src/shard-router/answer-check';
import type { ShardRules } from '../../gateway/src/shard-router/shard-rules';
import { median } from './table';

/** One shard's answer as the gateway received it: what it sent, and the body it read. */
export interface RecordedAnswer {
  clusterIds: readonly string[];
  query: string;
  variables: Record<string, unknown>;
  text: string;
}

/** Median microseconds per call of `work`, over 7 timed batches after a warm-up. */
export function microsPerCall(work: () => unknown, repetitions: number): number {
  for (let index = 0; index < Math.min(200, repetitions); index++) work();
  const samples = Array.from({ length: 7 }, () => {
    const started = process.hrtime.bigint();
    for (let index = 0; index < repetitions; index++) work();
    return Number(process.hrtime.bigint() - started) / 1000 / repetitions;
  });
  return median(samples);
}

/**
 * What checking one client request's shard answers costs: every root field of every answer
 * checked as the router checks it, next to parsing the same answers' JSON, which the gateway pays
 * for each of them anyway.
 */
export function measureAnswerChecks(rules: ShardRules, answers: readonly RecordedAnswer[], repetitions = 300): { checkMicros: number; parseMicros: number } {
  const prepared = answers.map((answer) => {
    const document = parse(answer.query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const scope: AnswerScope = { schema: rules.schema, rules, variables: answer.variables, fragments, own: new Set(answer.clusterIds) };
    const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    const body = JSON.parse(answer.text) as { data: Record<string, unknown> };
    return { scope, fields, body, text: answer.text };
  });
  const queryType = rules.schema.getQueryType()!.getFields();
  const checkAll = () => {
    for (const { scope, fields, body } of prepared) {
      for (const field of fields) {
        const refusal = checkRootField(body.data, field.alias?.value ?? field.name.value, [field], queryType[field.name.value]!.type, scope, false);
        if (refusal) throw new Error(`an honest answer was refused: ${refusal}`);
      }
    }
  };
  const parseAll = () => {
    for (const { text } of prepared) JSON.parse(text);
  };
  return { checkMicros: microsPerCall(checkAll, repetitions), parseMicros: microsPerCall(parseAll, repetitions) };
}

/** The assertion's cost: signing and verifying a new one, and the kept ones a request usually gets. */
export async function measureAssertions(): Promise<Array<[string, number]>> {
  const keys = { keys: [await generateSigningKey(GATEWAY_KEY_PREFIX)] };
  const kept = createAssertionSigner(keys);
  // An audience never asked for before makes every signature a new one; `banat` stays in it, so each verifies there.
  let audiences = 0;
  const fresh = () => kept(['banat', `new-${audiences++}`]);
  const verifier = createAssertionVerifier(keys, ['banat']);
  const assertion = await kept(['banat']);
  await verifier(assertion);
  const timeAsync = async (work: () => Promise<unknown>, repetitions: number) => {
    for (let index = 0; index < 50; index++) await work();
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = process.hrtime.bigint();
      for (let index = 0; index < repetitions; index++) await work();
      samples.push(Number(process.hrtime.bigint() - started) / 1000 / repetitions);
    }
    return median(samples);
  };
  const newAssertions = await Promise.all(Array.from({ length: 400 }, () => fresh()));
  let next = 0;
  return [
    ['sign a new assertion (once per audience every 4 s)', await timeAsync(() => fresh(), 300)],
    ['sign: a kept assertion (a request\u2019s usual case)', await timeAsync(() => kept(['banat']), 5000)],
    // Each verified once only: a fresh verifier per batch would measure its set-up, so distinct assertions are used.
    ['verify a new assertion at a subgraph', await timeAsync(() => createAssertionVerifier(keys, ['banat'])(newAssertions[next++ % newAssertions.length]!), 300)],
    ['verify: a kept assertion (a request\u2019s usual case)', await timeAsync(() => verifier(assertion), 5000)],
  ];
}
