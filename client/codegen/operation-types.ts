import {
  Kind,
  isEnumType,
  isInputType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { inputReference, isOptionalInput, scalarReference } from './schema-types.ts';

/** Where the generated operation file finds the shared modules, relative to itself. */
export interface ImportPaths {
  readonly operation: string;
  readonly schemaTypes: string;
}

/** The single named operation a `.graphql` file must hold; fragments are not supported yet. */
export function soleOperation(document: DocumentNode, file: string): OperationDefinitionNode {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || document.definitions.length !== 1) {
    throw new Error(`${file}: expected exactly one operation and nothing else`);
  }
  const [operation] = operations;
  if (operation === undefined || operation.name === undefined) {
    throw new Error(`${file}: the operation needs a name`);
  }
  return operation;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType {
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) {
    throw new Error(`the schema has no ${operation.operation} type`);
  }
  return root;
}

function outputReference(
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  indent: string,
  used: Set<string>,
): string {
  if (isNonNullType(type)) {
    return nonNullOutputReference(type.ofType, selectionSet, indent, used);
  }
  return `${nonNullOutputReference(type, selectionSet, indent, used)} | null`;
}

function nonNullOutputReference(
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  indent: string,
  used: Set<string>,
): string {
  if (isNonNullType(type)) {
    return nonNullOutputReference(type.ofType, selectionSet, indent, used);
  }
  if (isListType(type)) {
    return `ReadonlyArray<${outputReference(type.ofType, selectionSet, indent, used)}>`;
  }
  if (isScalarType(type)) {
    return scalarReference(type, used);
  }
  if (isEnumType(type)) {
    used.add(type.name);
    return type.name;
  }
  if (isObjectType(type) && selectionSet !== undefined) {
    return selectionShape(type, selectionSet, indent, used);
  }
  throw new Error(`${type.toString()}: interfaces and unions are not supported yet`);
}

function selectionShape(
  parent: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  indent: string,
  used: Set<string>,
): string {
  const fields = parent.getFields();
  const lines: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      throw new Error(`${parent.name}: fragments are not supported yet`);
    }
    if (selection.directives !== undefined && selection.directives.length > 0) {
      throw new Error(`${parent.name}.${selection.name.value}: directives are not supported yet`);
    }
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === '__typename') {
      lines.push(`${indent}  readonly ${key}: '${parent.name}';`);
      continue;
    }
    const field = fields[selection.name.value];
    if (field === undefined) {
      throw new Error(`${parent.name}.${selection.name.value}: no such field`);
    }
    const type = outputReference(field.type, selection.selectionSet, `${indent}  `, used);
    lines.push(`${indent}  readonly ${key}: ${type};`);
  }
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function variablesShape(schema: GraphQLSchema, operation: OperationDefinitionNode, used: Set<string>): string | null {
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length === 0) {
    return null;
  }
  const lines = definitions.map((definition) => {
    const type = typeFromAST(schema, definition.type);
    if (type === undefined || !isInputType(type)) {
      throw new Error(`$${definition.variable.name.value}: not an input type`);
    }
    const optional = isOptionalInput(type) || definition.defaultValue !== undefined ? '?' : '';
    return `  readonly ${definition.variable.name.value}${optional}: ${inputReference(type, used)};`;
  });
  return `{\n${lines.join('\n')}\n}`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The TypeScript module for one operation: its result and variable types and the typed document. */
export function renderOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  imports: ImportPaths,
  header: string,
): string {
  const name = operation.name?.value ?? 'Anonymous';
  const used = new Set<string>();
  const result = selectionShape(rootType(schema, operation), operation.selectionSet, '', used);
  const variables = variablesShape(schema, operation, used);
  const constant = `${lowerFirst(name)}${upperFirst(operation.operation)}`;
  const schemaImport =
    used.size === 0 ? '' : `import type { ${[...used].sort().join(', ')} } from '${imports.schemaTypes}';\n`;
  return [
    header,
    '',
    `import type { GraphqlOperation } from '${imports.operation}';`,
    `${schemaImport}`,
    variables === null
      ? `export type ${name}Variables = Record<string, never>;`
      : `export interface ${name}Variables ${variables}`,
    '',
    `export interface ${name}Result ${result}`,
    '',
    `export const ${constant}: GraphqlOperation<${name}Result, ${name}Variables> = {`,
    `  kind: '${operation.operation}',`,
    `  operationName: '${name}',`,
    `  document: ${JSON.stringify(print(document))},`,
    '};',
    '',
  ].join('\n');
}
