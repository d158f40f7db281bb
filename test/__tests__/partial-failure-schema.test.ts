import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getNullableType, isListType, isNonNullType, isObjectType, parse, type GraphQLField, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createLogger } from '../../shared/logger';
import { buildClusterSchemas } from '../../subgraphs/cluster/src/schema/build-cluster-schemas';
import { createNetworkSubgraph, openNetworkDatabase } from '../../subgraphs/network/src';

/**
 * A cluster that is down, slow or misbehaving costs only its own entities. When the gateway fetches
 * an entity's fields from one cluster's subgraph and that fetch fails, those fields are null; a
 * null in a non-null position climbs to the nearest nullable parent. So for every entity type that
 * a cluster subgraph S extends while another subgraph also returns it, one of two must hold:
 *
 *  - every field S adds to the type is nullable (the entity stays, without S's fields), or
 *  - every position where another subgraph returns the type is nullable at item level (the
 *    reference is null, and nothing above it).
 *
 * This walks every such pair in the subgraphs' own schemas and names each that breaks the rule.
 */
interface Subgraph {
  name: string;
  schema: GraphQLSchema;
  /** Whether a cluster runs it (a failure of one cluster), or the network does. */
  sharded: boolean;
}

/** Whether a value in this position may be null without its parent becoming null: the item of a list, or the value itself. */
function nullableAtItem(type: GraphQLOutputType): boolean {
  if (isNonNullType(type)) {
    const inner = type.ofType;
    return isListType(inner) ? !isNonNullType(inner.ofType) : false;
  }
  return isListType(type) ? !isNonNullType(type.ofType) : true;
}

function namedObjectName(type: GraphQLOutputType): string {
  const nullable = getNullableType(type);
  return isListType(nullable) ? namedObjectName(nullable.ofType) : (nullable as { name: string }).name;
}

const FEDERATION_TYPES = new Set(['Query', 'Mutation', '_Service', '_Entity']);

/** The entity types (with `@key`) of a subgraph's SDL, and the fields each adds (not its key). */
function contributedFields(sdl: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== 'ObjectTypeDefinition' && definition.kind !== 'ObjectTypeExtension') continue;
    const keys = (definition.directives ?? []).filter((d) => d.name.value === 'key');
    if (keys.length === 0) continue;
    const keyFields = new Set(keys.flatMap((key) => String((key.arguments?.find((a) => a.name.value === 'fields')?.value as { value?: string } | undefined)?.value ?? '').split(/\s+/)));
    fields.set(definition.name.value, (definition.fields ?? []).map((field) => field.name.value).filter((name) => !keyFields.has(name)));
  }
  return fields;
}

describe('partial failure in the schema', () => {
  let subgraphs: Array<Subgraph & { sdl: string }>;
  let folder: string;
  let networkDb: DataSource;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-schema-'));
    networkDb = await openNetworkDatabase(`sqlite:${path.join(folder, 'network.sqlite')}`);
    const network = await createNetworkSubgraph({ dataSource: networkDb, logger: createLogger('test', 'silent') });
    await network.stop();
    const clusters = await buildClusterSchemas();
    subgraphs = [
      { name: 'network', sdl: network.sdl, schema: buildSubgraphSchema({ typeDefs: parse(network.sdl) }), sharded: false },
      ...Object.entries(clusters).map(([name, { sdl, schema }]) => ({ name, sdl, schema, sharded: true })),
    ];
  });

  afterAll(async () => {
    await networkDb?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Every field of every subgraph returning `typeName`, outside `except`. */
  function positionsOf(typeName: string, except: string): Array<{ where: string; field: GraphQLField<unknown, unknown> }> {
    return subgraphs
      .filter((subgraph) => subgraph.name !== except)
      .flatMap((subgraph) =>
        Object.values(subgraph.schema.getTypeMap())
          .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !FEDERATION_TYPES.has(type.name))
          .flatMap((type) => Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()).map((field) => ({ where: `${subgraph.name}: ${type.name}.${field.name}`, field })))
          .filter(({ field }) => namedObjectName(field.type) === typeName),
      );
  }

  it('finds the pairs to check (the walk is not empty)', () => {
    const pairs = subgraphs.filter((s) => s.sharded).flatMap((s) => [...contributedFields(s.sdl)].filter(([type, fields]) => fields.length > 0 && positionsOf(type, s.name).length > 0));
    // Member (members, participation), Project (projects), Cluster (members), WorkingGroup (members) at least.
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  it('lets a failing cluster null only its own entities: every cross-subgraph entity is nullable on one side', () => {
    const problems: string[] = [];
    for (const subgraph of subgraphs.filter((s) => s.sharded)) {
      for (const [typeName, fieldNames] of contributedFields(subgraph.sdl)) {
        if (fieldNames.length === 0) continue;
        const positions = positionsOf(typeName, subgraph.name);
        if (positions.length === 0) continue;
        const type = subgraph.schema.getType(typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
        const nonNullFields = fieldNames.filter((name) => isNonNullType(type.getFields()[name]!.type));
        const nonNullPositions = positions.filter(({ field }) => !nullableAtItem(field.type)).map(({ where }) => where);
        if (nonNullFields.length > 0 && nonNullPositions.length > 0) {
          problems.push(`${typeName}: ${subgraph.name} adds non-null ${nonNullFields.join(', ')}, and ${nonNullPositions.join(', ')} return it non-null`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
