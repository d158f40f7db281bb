import { Kind, parse, print, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';

/** A named type of a subgraph SDL, its definition and extensions taken together. */
export interface TypeShape {
  kind: 'object' | 'interface' | 'input' | 'enum' | 'union' | 'scalar';
  /** Fields (object, interface, input), with their type and arguments printed. */
  fields: Map<string, FieldShape>;
  /** Enum values or union members. */
  members: Set<string>;
}

export interface FieldShape {
  type: string;
  /** An input field that must be given: non-null, without a default. */
  required: boolean;
  args: Map<string, { type: string; required: boolean; signature: string }>;
}

/** The kind of named type each definition or extension node declares. */
export const TYPE_KINDS: Partial<Record<DefinitionNode['kind'], TypeShape['kind']>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.OBJECT_TYPE_EXTENSION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'interface',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'input',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'enum',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.UNION_TYPE_EXTENSION]: 'union',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'scalar',
};

function argumentShape(argument: InputValueDefinitionNode) {
  const type = print(argument.type);
  const fallback = argument.defaultValue ? print(argument.defaultValue) : undefined;
  return { type, required: argument.type.kind === Kind.NON_NULL_TYPE && fallback === undefined, signature: fallback === undefined ? type : `${type} = ${fallback}` };
}

function fieldShape(field: FieldDefinitionNode | InputValueDefinitionNode): FieldShape {
  const args = field.kind === Kind.FIELD_DEFINITION ? (field.arguments ?? []) : [];
  // An input field is compared like an argument: its default is part of what it means.
  const input = field.kind === Kind.INPUT_VALUE_DEFINITION ? argumentShape(field) : undefined;
  return { type: input ? input.signature : print(field.type), required: input?.required ?? false, args: new Map(args.map((argument) => [argument.name.value, argumentShape(argument)])) };
}

/** The named types of an SDL, by name. Directive definitions and the schema's own links are not types and are left out. */
export function typeShapes(sdl: string): Map<string, TypeShape> {
  const shapes = new Map<string, TypeShape>();
  for (const definition of parse(sdl).definitions) {
    const kind = TYPE_KINDS[definition.kind];
    if (!kind || !('name' in definition) || !definition.name) continue;
    const name = definition.name.value;
    const shape = shapes.get(name) ?? { kind, fields: new Map(), members: new Set() };
    if ('fields' in definition) for (const field of definition.fields ?? []) shape.fields.set(field.name.value, fieldShape(field));
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_EXTENSION) for (const value of definition.values ?? []) shape.members.add(value.name.value);
    if (definition.kind === Kind.UNION_TYPE_DEFINITION || definition.kind === Kind.UNION_TYPE_EXTENSION) for (const member of definition.types ?? []) shape.members.add(member.name.value);
    shapes.set(name, shape);
  }
  return shapes;
}

/**
 * What a deployment serving `served` could not answer of `needed`, the schema the gateway sends
 * queries for: each missing type, field, argument or enum value, a field of another type, or an
 * argument it requires that the gateway never sends. Empty when it serves all of it (and perhaps
 * more: a deployment ahead serves the network's schema).
 */
export function missingFrom(needed: string, served: string): string[] {
  const have = typeShapes(served);
  const missing: string[] = [];
  for (const [name, want] of typeShapes(needed)) {
    const got = have.get(name);
    if (!got || got.kind !== want.kind) {
      missing.push(`type ${name}`);
      continue;
    }
    for (const member of want.members) if (!got.members.has(member)) missing.push(`${name}.${member}`);
    for (const [fieldName, other] of got.fields) if (other.required && !want.fields.has(fieldName)) missing.push(`${name}.${fieldName} which it requires`);
    for (const [fieldName, field] of want.fields) {
      const other = got.fields.get(fieldName);
      if (!other) missing.push(`${name}.${fieldName}`);
      else if (other.type !== field.type) missing.push(`${name}.${fieldName} as ${field.type} (it serves ${other.type})`);
      else {
        for (const [argName, argument] of field.args) {
          const its = other.args.get(argName);
          if (!its) missing.push(`${name}.${fieldName}(${argName}:)`);
          else if (its.signature !== argument.signature) missing.push(`${name}.${fieldName}(${argName}:) as ${argument.signature} (it serves ${its.signature})`);
        }
        for (const [argName, its] of other.args) if (its.required && !field.args.has(argName)) missing.push(`${name}.${fieldName}(${argName}:) which it requires`);
      }
    }
  }
  return missing;
}
