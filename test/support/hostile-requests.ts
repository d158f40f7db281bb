import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Hostile requests generated from the schema: arguments of the wrong type, injection strings and
 * odd unicode in every text argument, malformed ids and cursors, deep nests, alias floods, batches,
 * truncated and malformed bodies, unknown persisted queries, and mutations sent by callers who may
 * not make them. Seeded, so that a failing run can be replayed with FUZZ_SEED.
 */
export interface HostileRequest {
  kind: string;
  /** The raw body, sent as is. */
  body: string;
  contentType: string;
  /** Whose token goes with it; none for anonymous. */
  caller: 'anonymous' | 'analyst' | 'admin' | 'bad-token';
  /** Mutations only: the request may write when it is valid and the caller may. */
  mutation: boolean;
  /** A valid write whose answer must give back this text exactly: data, never code. */
  echo?: { field: string; text: string };
}

/** mulberry32: small, fast and seedable; quality is beside the point here. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Strings that have broken other systems. None holds a driver's own error words, which a response must never contain. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '" OR ""="',
  "1; UPDATE members SET name = 'x' WHERE 1=1 --",
  "banat:1' UNION SELECT name FROM people --",
  '%',
  '_%_',
  '\\',
  '\\\\\'',
  '\u0000',
  'a\u0000b',
  '\u202egnirts desrever',
  'Z\u0351\u0360\u0361a\u034d\u0350lgo',
  '\ud83d\udc69\u200d\ud83d\udcbb\ud83c\uddf7\ud83c\uddf4',
  '\ud800',
  '\udfff lone',
  '\uffff\ufffe',
  '\u200b\u200c\u200d\ufeff',
  '한국어 텍스트 한국어',
  'ǅǈǋ ß ﬁ İ ı',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  'null',
  'undefined',
  '',
  '   ',
  '\n\t\r',
  'x'.repeat(10_000),
  'ș'.repeat(70_000),
];

const HOSTILE_IDS: readonly string[] = [
  'banat',
  'banat:',
  ':1',
  'banat:0',
  'banat:-1',
  'banat:1.5',
  'banat:1e3',
  'banat:99999999999999999999999',
  'BANAT:1',
  'nowhere:1',
  'banat:1:2',
  'transilvania:9007199254740993',
  ' banat:1',
  'banat:\u0661',
  'YmFuYXQ6MQ==',
];

const HOSTILE_CURSORS: readonly string[] = ['', 'not-a-cursor', 'eyJ9', 'eyJ4IjoxfQ==', Buffer.from('{"v":1,"order":"NAME","key":["\'; --",1]}').toString('base64url'), '%%%', 'A'.repeat(5_000)];

const HOSTILE_NUMBERS: readonly unknown[] = [-1, 0, 101, 2 ** 31, 2 ** 53 + 1, -(2 ** 31) - 1, 1.5, 1e308, '1', true, null, [], {}];

export interface GeneratorOptions {
  schema: GraphQLSchema;
  random: Random;
}

/** One request of a random kind. */
export function hostileRequest({ schema, random }: GeneratorOptions): HostileRequest {
  const kinds: Array<[string, () => Omit<HostileRequest, 'kind'>]> = [
    ['hostile arguments', () => argumentsRequest(schema, random, 'query')],
    ['hostile arguments in variables', () => variablesRequest(schema, random)],
    ['mutation by a caller who may not', () => argumentsRequest(schema, random, 'mutation', random.pick(['anonymous', 'analyst', 'bad-token'] as const))],
    ['mutation with hostile input by an admin', () => argumentsRequest(schema, random, 'mutation', 'admin')],
    ['injection strings stored as data by an admin', () => storedStringRequest(random)],
    ['deep nest', () => deepRequest(random)],
    ['alias flood', () => aliasRequest(random)],
    ['truncated body', () => truncatedRequest(schema, random)],
    ['malformed body', () => malformedRequest(random)],
    ['odd query text', () => oddQueryRequest(random)],
    ['unknown persisted query', () => persistedRequest(random)],
    ['batch', () => batchRequest(schema, random)],
  ];
  const [kind, make] = random.pick(kinds);
  return { ...make(), kind };
}

const json = (payload: unknown, caller: HostileRequest['caller'] = 'anonymous', mutation = false): Omit<HostileRequest, 'kind'> => ({
  body: JSON.stringify(payload),
  contentType: 'application/json',
  caller,
  mutation,
});

function rootFields(schema: GraphQLSchema, operation: 'query' | 'mutation'): Array<GraphQLField<unknown, unknown>> {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {}).filter((field) => !field.name.startsWith('_'));
}

/** A GraphQL literal for `type`: sometimes well-formed, often hostile, sometimes of another type. */
function literal(type: GraphQLInputType, random: Random, depth = 0): string {
  if (random.chance(0.08)) return random.pick(['null', '"a string"', '42', '[1, 2]', '{ x: 1 }', 'true', 'UNKNOWN_ENUM']);
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const length = random.pick([0, 1, 3, 200]);
    return `[${Array.from({ length }, () => literal(nullable.ofType as GraphQLInputType, random, depth + 1)).join(', ')}]`;
  }
  if (isInputObjectType(nullable)) {
    if (depth > 3) return '{}';
    const fields = Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type) || random.chance(0.6));
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type, random, depth + 1)}`).join(', ')} }`;
  }
  if (isEnumType(nullable)) return random.chance(0.8) ? random.pick(nullable.getValues()).name : random.pick(['NOPE', '"ACTIVE"', '1']);
  if (isScalarType(nullable)) return JSON.stringify(scalarValue(nullable.name, random));
  return 'null';
}

function scalarValue(scalar: string, random: Random): unknown {
  switch (scalar) {
    case 'Int':
    case 'Float':
      return random.chance(0.7) ? random.pick(HOSTILE_NUMBERS.filter((value) => typeof value === 'number')) : random.int(200);
    case 'Boolean':
      return random.chance(0.5);
    case 'ID':
      return random.chance(0.6) ? random.pick(HOSTILE_IDS) : random.pick(HOSTILE_STRINGS);
    default:
      return random.chance(0.15) ? random.pick(HOSTILE_CURSORS) : random.pick(HOSTILE_STRINGS);
  }
}

/** A JSON value for a variable of `type`, often of the wrong type. */
function variableValue(type: GraphQLInputType, random: Random, depth = 0): unknown {
  if (random.chance(0.1)) return random.pick(HOSTILE_NUMBERS);
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.from({ length: random.pick([0, 2, 500]) }, () => variableValue(nullable.ofType as GraphQLInputType, random, depth + 1));
  if (isInputObjectType(nullable)) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.values(nullable.getFields()).map((field) => [field.name, variableValue(field.type, random, depth + 1)]));
  }
  if (isEnumType(nullable)) return random.chance(0.8) ? random.pick(nullable.getValues()).name : random.pick(HOSTILE_STRINGS);
  if (isScalarType(nullable)) return scalarValue(nullable.name, random);
  return null;
}

/** A valid selection of `type`, `depth` levels down at most, with arguments where fields take them. */
function selection(type: GraphQLObjectType, random: Random, depth: number): string {
  const fields = Object.values(type.getFields()).filter((field) => !field.name.startsWith('_'));
  const chosen = fields.filter(() => random.chance(0.35));
  if (chosen.length === 0) chosen.push(fields[0]!);
  const parts = chosen.map((field) => {
    const named = getNamedType(field.type);
    const args = field.args.filter((arg) => isNonNullType(arg.type) || random.chance(0.3)).map((arg) => `${arg.name}: ${literal(arg.type, random)}`);
    const call = args.length > 0 ? `${field.name}(${args.join(', ')})` : field.name;
    if (!isObjectType(named)) return call;
    if (depth <= 0) return `${call} { __typename }`;
    return `${call} { ${selection(named, random, depth - 1)} }`;
  });
  return parts.join(' ');
}

function argumentsRequest(schema: GraphQLSchema, random: Random, operation: 'query' | 'mutation', caller: HostileRequest['caller'] = random.pick(['anonymous', 'analyst'] as const)): Omit<HostileRequest, 'kind'> {
  const field = random.pick(rootFields(schema, operation));
  const args = field.args.map((arg) => `${arg.name}: ${literal(arg.type, random)}`);
  const named = getNamedType(field.type);
  const sub = isObjectType(named) ? ` { ${selection(named, random, random.int(3))} }` : '';
  const call = args.length > 0 ? `${field.name}(${args.join(', ')})` : field.name;
  return json({ query: `${operation} { ${call}${sub} }` }, caller, operation === 'mutation');
}

function variablesRequest(schema: GraphQLSchema, random: Random): Omit<HostileRequest, 'kind'> {
  const field = random.pick(rootFields(schema, 'query').filter((candidate) => candidate.args.length > 0));
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const variables = Object.fromEntries(field.args.map((arg) => [arg.name, variableValue(arg.type, random)]));
  const named = getNamedType(field.type);
  const sub = isObjectType(named) ? ` { ${selection(named, random, 1)} }` : '';
  return json({ query: `query Q(${declared.join(', ')}) { ${field.name}(${passed.join(', ')})${sub} }`, variables });
}

/** A member whose name is a hostile string that is valid as a name: stored and given back as it is. */
function storedStringRequest(random: Random): Omit<HostileRequest, 'kind'> {
  // Control characters and lone surrogates are refused as names; the rest must be stored as sent.
  // eslint-disable-next-line no-control-regex
  const usable = HOSTILE_STRINGS.filter((text) => text.trim().length > 0 && text.length < 150 && !/[\u0000-\u001f\ud800-\udfff]/.test(text));
  const name = `${random.pick(usable).trim()} ${random.int(1e9)}`;
  const input = { cluster: 'banat', name, kind: 'STARTUP', employees: 1, city: random.pick(usable).trim(), founded: 2020 };
  return {
    ...json({ query: 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id name } }', variables: { input } }, 'admin', true),
    echo: { field: 'createMember', text: name },
  };
}

function deepRequest(random: Random): Omit<HostileRequest, 'kind'> {
  const levels = 5 + random.int(40);
  let inner = 'id';
  for (let level = 0; level < levels; level++) inner = (levels - level) % 2 === 1 ? `participants { ${inner} }` : `workingGroups { ${inner} }`;
  return json({ query: `{ workingGroups(first: ${random.pick([1, 100])}) { edges { node { ${inner} } } } }` });
}

function aliasRequest(random: Random): Omit<HostileRequest, 'kind'> {
  const count = random.pick([31, 100, 1000]);
  const field = random.pick(['networkStats { members }', 'members(first: 100) { totalCount }', 'clusters { id }', 'member(id: "banat:1") { name }']);
  return json({ query: `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }` });
}

function truncatedRequest(schema: GraphQLSchema, random: Random): Omit<HostileRequest, 'kind'> {
  const whole = argumentsRequest(schema, random, 'query');
  const cut = 1 + random.int(Math.max(1, whole.body.length - 1));
  return { ...whole, body: whole.body.slice(0, cut) };
}

function malformedRequest(random: Random): Omit<HostileRequest, 'kind'> {
  const bodies: Array<[string, string]> = [
    ['', 'application/json'],
    ['null', 'application/json'],
    ['[]', 'application/json'],
    ['{}', 'application/json'],
    ['{"query": 42}', 'application/json'],
    ['{"query": null, "variables": "x"}', 'application/json'],
    ['{"query": "{ clusters { id } }", "variables": [1, 2]}', 'application/json'],
    ['{"query": "{ clusters { id } }", "extensions": "x"}', 'application/json'],
    ['{"query": "{ clusters { id } }", "operationName": 7}', 'application/json'],
    ['{"query": "{ clusters { id } }"}', 'text/plain'],
    ['query=%7B+clusters+%7B+id+%7D+%7D', 'application/x-www-form-urlencoded'],
    ['\u0000\u0001\u0002', 'application/json'],
    ['{"query": "\\ud800"}', 'application/json'],
    ['{"query": "{ clusters { id } }"}', 'application/json; charset=latin1'],
    ['{"a":'.repeat(2000), 'application/json'],
    ['[' .repeat(5000), 'application/json'],
  ];
  const [body, contentType] = random.pick(bodies);
  return { body, contentType, caller: 'anonymous', mutation: false };
}

function oddQueryRequest(random: Random): Omit<HostileRequest, 'kind'> {
  const texts = [
    `{ member(id: ${JSON.stringify(random.pick(HOSTILE_STRINGS))}) { name } }`,
    `{ members(filter: { nameContains: ${JSON.stringify(random.pick(HOSTILE_STRINGS))} }) { totalCount } }`,
    '{ clusters { id } } }',
    '{ clusters { id ',
    'query { __typename @skip(if: true) @include(if: false) }',
    '{ clusters { id @deprecated } }',
    'subscription { clusters { id } }',
    '{ cl\u0000usters { id } }',
    'query A { clusters { id } } query A { network { name } }',
    '{ ...F } fragment F on Query { ...F }',
    `{ clusters { ${'id '.repeat(6000)} } }`,
    '# only a comment',
    '{ members(first: 100, after: "x") @defer { totalCount } }',
  ];
  return json({ query: random.pick(texts) });
}

function persistedRequest(random: Random): Omit<HostileRequest, 'kind'> {
  const hash = Array.from({ length: 64 }, () => random.pick([...'0123456789abcdef'])).join('');
  const extensions = random.pick([
    { persistedQuery: { version: 1, sha256Hash: hash } },
    { persistedQuery: { version: 2, sha256Hash: hash } },
    { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } },
    { persistedQuery: { version: 1 } },
    { persistedQuery: 'x' },
  ]);
  return json(random.chance(0.5) ? { extensions } : { query: '{ network { name } }', extensions });
}

function batchRequest(schema: GraphQLSchema, random: Random): Omit<HostileRequest, 'kind'> {
  const size = random.pick([0, 2, 5, 6, 50]);
  const operations = Array.from({ length: size }, () => JSON.parse(argumentsRequest(schema, random, 'query').body) as unknown);
  return json(operations);
}
