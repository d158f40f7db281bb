import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type TypeNode,
} from 'graphql';
import { TYPE_KINDS, typeShapes, type FieldShape } from './schema-coverage';

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function required(value: InputValueDefinitionNode): boolean {
  return value.type.kind === Kind.NON_NULL_TYPE && !value.defaultValue;
}

function signature(value: InputValueDefinitionNode): string {
  return value.defaultValue ? `${print(value.type)} = ${print(value.defaultValue)}` : print(value.type);
}

type Shapes = ReturnType<typeof typeShapes>;

/** The first SDL, keeping only what every other SDL serves with the same meaning. */
function commonPart(base: DocumentNode, others: readonly Shapes[]): DocumentNode {
  const definitions = base.definitions.flatMap((definition) => {
    const kind = TYPE_KINDS[definition.kind];
    if (!kind || !('name' in definition) || !definition.name) return [definition];
    const name = definition.name.value;
    const theirs = others.map((shapes) => shapes.get(name));
    if (theirs.some((shape) => shape?.kind !== kind)) return [];
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_EXTENSION) {
      return [{ ...definition, values: (definition.values ?? []).filter((value) => theirs.every((shape) => shape!.members.has(value.name.value))) }];
    }
    if (definition.kind === Kind.UNION_TYPE_DEFINITION || definition.kind === Kind.UNION_TYPE_EXTENSION) {
      return [{ ...definition, types: (definition.types ?? []).filter((member) => theirs.every((shape) => shape!.members.has(member.name.value))) }];
    }
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      const fields = (definition.fields ?? []).filter((field) => theirs.every((shape) => shape!.fields.get(field.name.value)?.type === signature(field)));
      // An input some shard requires a field of that the gateway would never send cannot be served.
      if (theirs.some((shape) => [...shape!.fields].some(([fieldName, field]) => field.required && !fields.some((kept) => kept.name.value === fieldName)))) return [];
      return [{ ...definition, fields }];
    }
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_EXTENSION) {
      const fields = (definition.fields ?? []).flatMap((field) => {
        const common = commonField(field, theirs.map((shape) => shape!.fields.get(field.name.value)));
        return common ? [common] : [];
      });
      return [{ ...definition, fields }];
    }
    return [definition];
  });
  return { ...base, definitions };
}

/** A field as every shard serves it, or null: its type differs somewhere, or an argument cannot be agreed on. */
function commonField(field: FieldDefinitionNode, theirs: ReadonlyArray<FieldShape | undefined>): FieldDefinitionNode | null {
  if (theirs.some((other) => !other || other.type !== print(field.type))) return null;
  const all = field.arguments ?? [];
  const args = all.filter((argument) => theirs.every((other) => other!.args.get(argument.name.value)?.signature === signature(argument)));
  // A required argument the gateway sends that some shard does not take, or one a shard requires that the gateway would never send.
  if (all.some((argument) => required(argument) && !args.includes(argument))) return null;
  if (theirs.some((other) => [...other!.args].some(([name, argument]) => argument.required && !args.some((kept) => kept.name.value === name)))) return null;
  return { ...field, arguments: args };
}

/** Drops what refers to a type no longer defined, and types left empty, until nothing changes. */
function withoutDangling(document: DocumentNode): DocumentNode {
  for (let current = document; ; ) {
    const defined = new Set(current.definitions.flatMap((definition) => ('name' in definition && definition.name ? [definition.name.value] : [])));
    const known = (name: string) => BUILT_IN_SCALARS.has(name) || defined.has(name);
    const keptNamed = (list: readonly NamedTypeNode[] | undefined) => (list ?? []).filter((named) => known(named.name.value));
    const next = visit(current, {
      FieldDefinition(field: FieldDefinitionNode) {
        if (!known(namedType(field.type))) return null;
        const args = (field.arguments ?? []).filter((argument) => known(namedType(argument.type)));
        if ((field.arguments ?? []).some((argument) => required(argument) && !args.includes(argument))) return null;
        return args.length === (field.arguments ?? []).length ? undefined : { ...field, arguments: args };
      },
      InputObjectTypeDefinition: (node) => ({ ...node, fields: (node.fields ?? []).filter((value) => known(namedType(value.type))) }),
      InputObjectTypeExtension: (node) => ({ ...node, fields: (node.fields ?? []).filter((value) => known(namedType(value.type))) }),
      ObjectTypeDefinition: (node) => (node.interfaces?.length !== keptNamed(node.interfaces).length ? { ...node, interfaces: keptNamed(node.interfaces) } : undefined),
      UnionTypeDefinition: (node) => (node.types?.length !== keptNamed(node.types).length ? { ...node, types: keptNamed(node.types) } : undefined),
    });
    const emptied = next.definitions.filter((definition) => {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) return (definition.fields?.length ?? 0) > 0;
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION) return (definition.values?.length ?? 0) > 0;
      if (definition.kind === Kind.UNION_TYPE_DEFINITION) return (definition.types?.length ?? 0) > 0;
      // An extension left with nothing to add is not valid SDL.
      if (definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.INTERFACE_TYPE_EXTENSION || definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) return (definition.fields?.length ?? 0) > 0 || (definition.directives?.length ?? 0) > 0;
      if (definition.kind === Kind.ENUM_TYPE_EXTENSION) return (definition.values?.length ?? 0) > 0;
      return true;
    });
    const settled = { ...next, definitions: emptied };
    if (print(settled) === print(current)) return settled;
    current = settled;
  }
}

/**
 * The part of one logical subgraph's schema that every given SDL serves: types, fields, arguments,
 * input fields and enum values present in all of them with the same type (and default), without a
 * required argument some shard would not receive, and with nothing left pointing at what was
 * dropped. The network serves this; a field only some clusters serve joins it once all do.
 */
export function intersectSdl(sdls: readonly string[]): string {
  if (sdls.length === 0) throw new Error('no SDL to intersect');
  if (new Set(sdls).size === 1) return sdls[0]!;
  const others = sdls.slice(1).map(typeShapes);
  return print(withoutDangling(commonPart(parse(sdls[0]!), others)));
}
