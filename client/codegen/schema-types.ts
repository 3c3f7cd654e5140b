import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

/** What each custom scalar is on the wire, as a TypeScript type. */
const customScalars: Readonly<Record<string, string>> = {
  DateTime: 'string',
};

const builtInScalars: Readonly<Record<string, string>> = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
};

/**
 * The TypeScript spelling of a scalar. Built-in scalars become primitives; custom scalars are
 * referenced by name and recorded in `used` so the caller imports them from the schema file.
 */
export function scalarReference(type: GraphQLScalarType, used: Set<string>): string {
  const builtIn = builtInScalars[type.name];
  if (builtIn !== undefined) {
    return builtIn;
  }
  used.add(type.name);
  return type.name;
}

/** An input (variable or input-object field) type; nullable positions allow `null`. */
export function inputReference(type: GraphQLInputType, used: Set<string>): string {
  if (isNonNullType(type)) {
    return nonNullInputReference(type.ofType, used);
  }
  return `${nonNullInputReference(type, used)} | null`;
}

function nonNullInputReference(type: GraphQLInputType, used: Set<string>): string {
  if (isNonNullType(type)) {
    return nonNullInputReference(type.ofType, used);
  }
  if (isListType(type)) {
    return `ReadonlyArray<${inputReference(type.ofType, used)}>`;
  }
  if (isScalarType(type)) {
    return scalarReference(type, used);
  }
  used.add(type.name);
  return type.name;
}

/** Whether a variable or input field of this type may be left out. */
export function isOptionalInput(type: GraphQLInputType): boolean {
  return !isNonNullType(type);
}

/** A schema description as a doc comment, or nothing when the schema has none. */
function docComment(description: string | null | undefined, indent: string): string {
  if (!description) {
    return '';
  }
  const lines = description.trim().split('\n');
  if (lines.length === 1) {
    return `${indent}/** ${lines[0]} */\n`;
  }
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

function isOwnType(type: GraphQLNamedType): boolean {
  return !type.name.startsWith('__');
}

/** The schema-wide types every operation file imports from: custom scalars, enums, input objects. */
export function renderSchemaTypes(schema: GraphQLSchema, header: string): string {
  const types = Object.values(schema.getTypeMap())
    .filter(isOwnType)
    .sort((a, b) => a.name.localeCompare(b.name));
  const blocks: string[] = [];
  for (const type of types) {
    const doc = docComment(type.description, '');
    if (isScalarType(type) && builtInScalars[type.name] === undefined) {
      blocks.push(`${doc}export type ${type.name} = ${customScalars[type.name] ?? 'unknown'};`);
    } else if (isEnumType(type)) {
      const values = type.getValues().map((value) => `'${value.name}'`);
      blocks.push(`${doc}export type ${type.name} = ${values.join(' | ')};`);
    } else if (isInputObjectType(type)) {
      const used = new Set<string>();
      const fields = Object.values(type.getFields()).map((field) => {
        const optional = isOptionalInput(field.type) ? '?' : '';
        return `${docComment(field.description, '  ')}  readonly ${field.name}${optional}: ${inputReference(field.type, used)};`;
      });
      blocks.push(`${doc}export interface ${type.name} {\n${fields.join('\n')}\n}`);
    }
  }
  return `${header}\n\n${blocks.join('\n\n')}\n`;
}
