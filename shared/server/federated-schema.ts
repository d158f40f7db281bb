import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { executeSync, parse, print, visit, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { idempotentMutation } from '../idempotency/idempotent-mutations';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

/**
 * Options for every `@ObjectType`: fields without a field resolver are read straight from the
 * object. No type-graphql middlewares are used, and its per-field wrapper costs time on every
 * field of every row.
 */
export const PLAIN_FIELDS = { simpleResolvers: true } as const;

export interface FederatedSchemaSpec {
  // type-graphql takes resolver classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** `__resolveReference` per entity type name. */
  references?: Record<string, (reference: { id: string }, context: never) => unknown>;
  /** SDL prepended as is, e.g. directive definitions the type-graphql schema applies. */
  extraSdl?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** A deployment of another program version: fields it lacks, or more it serves (see `SchemaRevision`). */
  revision?: SchemaRevision;
}

/**
 * How the schema of another program version differs from this one's: the fields it does not serve
 * yet (or any more), and the fields it serves besides, with their resolvers. Tests of a network
 * whose clusters run different versions build their deployments with one.
 */
export interface SchemaRevision {
  /** `Type.field` coordinates left out. */
  drop?: readonly string[];
  /** SDL added, e.g. `extend type Member { age: Int }`. */
  typeDefs?: string;
  resolvers?: GraphQLResolverMap<unknown>;
}

/** The SDL with the revision's fields left out and its own added. */
function revisedSdl(sdl: string, revision: SchemaRevision | undefined): string {
  if (!revision) return sdl;
  const dropped = new Set(revision.drop ?? []);
  const document = visit(parse(sdl), {
    FieldDefinition: {
      enter(node, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1] as { name?: { value: string } } | undefined;
        return owner?.name && dropped.has(`${owner.name.value}.${node.name.value}`) ? null : undefined;
      },
    },
  });
  return [print(document), revision.typeDefs ?? ''].filter(Boolean).join('\n\n');
}

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema: the code-first schema is printed
 * with its directives (`@key`, `@shard`), linked to the federation spec and rebuilt by
 * `buildSubgraphSchema`, which adds `_service` and `_entities`.
 */
export async function buildFederatedSchema(spec: FederatedSchemaSpec): Promise<{ schema: GraphQLSchema; sdl: string; servedSdl: string }> {
  const codeFirst = await buildSchema({
    resolvers: spec.resolvers,
    orphanedTypes: spec.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const printed = printSchemaWithDirectives(codeFirst);
  const sdl = revisedSdl([FEDERATION_LINK, spec.extraSdl ?? '', printed].filter(Boolean).join('\n\n'), spec.revision);
  const resolvers = createResolversMap(codeFirst) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(spec.revision?.resolvers ?? {})) resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...fields } as GraphQLResolverMap<unknown>[string];
  for (const coordinate of spec.revision?.drop ?? []) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    delete (resolvers[typeName] as Record<string, unknown> | undefined)?.[fieldName];
  }
  withIdempotentMutations(resolvers);
  for (const [typeName, resolveReference] of Object.entries(spec.references ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl, servedSdl: servedSdl(schema) };
}

const SERVICE_QUERY = parse('{ _service { sdl } }');

/**
 * The SDL `_service` answers, which is what the gateway reads and composes: printed by
 * `buildSubgraphSchema`, it differs in form from the SDL the schema was built from. A deployment's
 * `/health` hashes this one, so that a gateway can tell from the hash alone that a schema it read
 * has not changed.
 */
function servedSdl(schema: GraphQLSchema): string {
  const result = executeSync({ schema, document: SERVICE_QUERY });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`the subgraph schema does not answer _service { sdl }: ${result.errors?.map((e) => e.message).join('; ') ?? 'no SDL'}`);
  return sdl;
}

/**
 * Every mutation of every subgraph takes an Idempotency-Key (see shared/idempotency): wrapped here,
 * once, rather than in each mutation, so that a new mutation cannot be left out.
 */
function withIdempotentMutations(resolvers: GraphQLResolverMap<unknown>): void {
  const mutations = resolvers.Mutation as Record<string, unknown> | undefined;
  for (const [name, resolve] of Object.entries(mutations ?? {})) {
    if (typeof resolve === 'function') mutations![name] = idempotentMutation(name, resolve as GraphQLFieldResolver<unknown, unknown>);
  }
}
