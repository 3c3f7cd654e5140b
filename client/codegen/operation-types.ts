import {
  Kind,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { inputReference, isOptionalInput, scalarReference } from './schema-types.ts';

/** Where the generated module finds the shared modules, relative to itself. */
export interface ImportPaths {
  readonly operation: string;
  readonly schemaTypes: string;
}

/** A fragment defined in one of the client's `.graphql` files; any file may spread it. */
export interface FragmentSource {
  readonly definition: FragmentDefinitionNode;
  /** The `.graphql` file that defines it. */
  readonly file: string;
}

/** Every fragment of the client by name (names are global, as in one GraphQL document). */
export type FragmentRegistry = ReadonlyMap<string, FragmentSource>;

/** The TypeScript name of a fragment's type: `fragment Procedure on …` → `ProcedureFragment`. */
export function fragmentTypeName(name: string): string {
  return `${name}Fragment`;
}

/**
 * The definitions of one `.graphql` file: any number of named operations and fragments. Operations
 * need a name; anything else (type definitions, anonymous operations) is refused.
 */
export function fileDefinitions(document: DocumentNode, file: string): { operations: OperationDefinitionNode[]; fragments: FragmentDefinitionNode[] } {
  const operations: OperationDefinitionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (definition.name === undefined) {
        throw new Error(`${file}: every operation needs a name`);
      }
      operations.push(definition);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.push(definition);
    } else {
      throw new Error(`${file}: only operations and fragments belong in a client .graphql file`);
    }
  }
  if (operations.length + fragments.length === 0) {
    throw new Error(`${file}: no operation or fragment`);
  }
  return { operations, fragments };
}

/** The names of the fragments a selection spreads, directly or through other fragments. */
export function fragmentClosure(selections: readonly SelectionNode[], fragments: FragmentRegistry): string[] {
  const found = new Set<string>();
  const visit = (nodes: readonly SelectionNode[]): void => {
    for (const node of nodes) {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        const source = fragments.get(name);
        if (source === undefined) {
          throw new Error(`unknown fragment ...${name}`);
        }
        if (!found.has(name)) {
          found.add(name);
          visit(source.definition.selectionSet.selections);
        }
      } else if (node.selectionSet !== undefined) {
        visit(node.selectionSet.selections);
      }
    }
  };
  visit(selections);
  return [...found].sort();
}

/** What rendering types collects: schema types to import and fragment types referenced by name. */
interface Collected {
  readonly schemaTypes: Set<string>;
  readonly fragmentTypes: Set<string>;
}

/** Stands for `__typename` while the members of an abstract type are grouped by shape. */
const typenamePlaceholder = '\u0000typename\u0000';

class TypeRenderer {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: FragmentRegistry,
    private readonly collected: Collected,
  ) {}

  /** Whether selections under a type condition apply to objects of the concrete type. */
  private applies(condition: string, concrete: GraphQLObjectType): boolean {
    if (condition === concrete.name) {
      return true;
    }
    const type = this.schema.getType(condition);
    return type !== undefined && isAbstractType(type) && this.schema.isSubType(type, concrete);
  }

  /**
   * The fields selected on one concrete type, merged by response key (so `data` selected in two
   * fragments is one field with both sub-selections), and the fragments on exactly this type,
   * which are referenced by name instead of being spelled out again.
   */
  private collect(concrete: GraphQLObjectType, selections: readonly SelectionNode[], fields: Map<string, SelectionNode[]>, named: Set<string>): void {
    for (const selection of selections) {
      if (selection.directives !== undefined && selection.directives.length > 0) {
        throw new Error(`${concrete.name}: directives are not supported yet`);
      }
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (condition === undefined || this.applies(condition, concrete)) {
          this.collect(concrete, selection.selectionSet.selections, fields, named);
        }
      } else {
        const source = this.fragments.get(selection.name.value);
        if (source === undefined) {
          throw new Error(`unknown fragment ...${selection.name.value}`);
        }
        const condition = source.definition.typeCondition.name.value;
        if (condition === concrete.name) {
          named.add(selection.name.value);
        } else if (this.applies(condition, concrete)) {
          this.collect(concrete, source.definition.selectionSet.selections, fields, named);
        }
      }
    }
  }

  private objectShape(concrete: GraphQLObjectType, selections: readonly SelectionNode[], indent: string, typename: string): string {
    const fields = new Map<string, SelectionNode[]>();
    const named = new Set<string>();
    this.collect(concrete, selections, fields, named);
    const definitions = concrete.getFields();
    const lines: string[] = [];
    for (const [key, nodes] of fields) {
      const [first] = nodes;
      if (first === undefined || first.kind !== Kind.FIELD) {
        continue;
      }
      if (first.name.value === '__typename') {
        lines.push(`${indent}  readonly ${key}: ${typename};`);
        continue;
      }
      const field = definitions[first.name.value];
      if (field === undefined) {
        throw new Error(`${concrete.name}.${first.name.value}: no such field`);
      }
      const subSelections = nodes.flatMap((node) => (node.kind === Kind.FIELD && node.selectionSet !== undefined ? node.selectionSet.selections : []));
      const type = this.outputReference(field.type, subSelections, `${indent}  `);
      lines.push(`${indent}  readonly ${key}: ${type};`);
    }
    const parts = [...named].sort().map((name) => {
      this.collected.fragmentTypes.add(name);
      return fragmentTypeName(name);
    });
    if (lines.length > 0 || parts.length === 0) {
      parts.push(`{\n${lines.join('\n')}\n${indent}}`);
    }
    return parts.join(' & ');
  }

  /**
   * The shape of a selection on any composite type. On a union or interface it is a union with one
   * member per group of possible types that share a shape; select `__typename` to tell them apart.
   */
  selectionShape(parent: GraphQLCompositeType, selections: readonly SelectionNode[], indent: string): string {
    if (isObjectType(parent)) {
      return this.objectShape(parent, selections, indent, `'${parent.name}'`);
    }
    const groups = new Map<string, string[]>();
    for (const possible of this.schema.getPossibleTypes(parent)) {
      const shape = this.objectShape(possible, selections, indent, typenamePlaceholder);
      groups.set(shape, [...(groups.get(shape) ?? []), possible.name]);
    }
    return [...groups].map(([shape, names]) => shape.replace(typenamePlaceholder, names.map((name) => `'${name}'`).join(' | '))).join(' | ');
  }

  private outputReference(type: GraphQLOutputType, selections: readonly SelectionNode[], indent: string): string {
    if (isNonNullType(type)) {
      return this.nonNullOutputReference(type.ofType, selections, indent);
    }
    return `${this.nonNullOutputReference(type, selections, indent)} | null`;
  }

  private nonNullOutputReference(type: GraphQLOutputType, selections: readonly SelectionNode[], indent: string): string {
    if (isNonNullType(type)) {
      return this.nonNullOutputReference(type.ofType, selections, indent);
    }
    if (isListType(type)) {
      return `ReadonlyArray<${this.outputReference(type.ofType, selections, indent)}>`;
    }
    if (isScalarType(type)) {
      return scalarReference(type, this.collected.schemaTypes);
    }
    if (isEnumType(type)) {
      this.collected.schemaTypes.add(type.name);
      return type.name;
    }
    if (isCompositeType(type) && selections.length > 0) {
      return this.selectionShape(type, selections, indent);
    }
    throw new Error(`${type.toString()}: a selection is needed`);
  }
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType {
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) {
    throw new Error(`the schema has no ${operation.operation} type`);
  }
  return root;
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

/** The constant holding a fragment's text: `fragment Procedure on …` → `procedureFragmentDocument`. */
export function fragmentDocumentName(name: string): string {
  return `${lowerFirst(name)}FragmentDocument`;
}

/**
 * The expression for the text the server receives: the operation, then every fragment it spreads in
 * name order. Fragment texts are shared constants, so a fragment spread by thirty mutations is in
 * the bundle once. Without fragments it is one string literal.
 */
function operationDocument(operation: OperationDefinitionNode, fragments: FragmentRegistry, values: Set<string>): string {
  const spread = fragmentClosure(operation.selectionSet.selections, fragments);
  if (spread.length === 0) {
    return JSON.stringify(print(operation));
  }
  for (const name of spread) {
    values.add(name);
  }
  const parts = [JSON.stringify(print(operation)), ...spread.map(fragmentDocumentName)];
  return `[\n    ${parts.join(',\n    ')},\n  ].join('\\n\\n')`;
}

function fragmentBlock(renderer: TypeRenderer, schema: GraphQLSchema, fragment: FragmentDefinitionNode): string {
  const condition = schema.getType(fragment.typeCondition.name.value);
  if (condition === undefined || !isCompositeType(condition)) {
    throw new Error(`fragment ${fragment.name.value}: ${fragment.typeCondition.name.value} is not an object, interface or union`);
  }
  const shape = renderer.selectionShape(condition, fragment.selectionSet.selections, '');
  return [
    `export type ${fragmentTypeName(fragment.name.value)} = ${shape};`,
    '',
    `export const ${fragmentDocumentName(fragment.name.value)} = ${JSON.stringify(print(fragment))};`,
    '',
  ].join('\n');
}

function operationBlock(
  renderer: TypeRenderer,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentRegistry,
  used: Set<string>,
  values: Set<string>,
): string {
  const name = operation.name?.value ?? 'Anonymous';
  const result = renderer.selectionShape(rootType(schema, operation), operation.selectionSet.selections, '');
  const variables = variablesShape(schema, operation, used);
  const constant = `${lowerFirst(name)}${upperFirst(operation.operation)}`;
  // A fragment spread on the root type makes the result an intersection, which an interface cannot be.
  const plainObject = result.startsWith('{');
  return [
    variables === null ? `export type ${name}Variables = Record<string, never>;` : `export interface ${name}Variables ${variables}`,
    '',
    plainObject ? `export interface ${name}Result ${result}` : `export type ${name}Result = ${result};`,
    '',
    `export const ${constant}: GraphqlOperation<${name}Result, ${name}Variables> = {`,
    `  kind: '${operation.operation}',`,
    `  operationName: '${name}',`,
    `  document: ${operationDocument(operation, fragments, values)},`,
    '};',
    '',
  ].join('\n');
}

/**
 * The TypeScript module for one `.graphql` file: a type per fragment, and per operation its result
 * and variable types and the typed document (with the fragments it spreads appended).
 * `importPathOf` gives the module specifier of the generated file beside another `.graphql` file.
 */
export function renderModule(
  schema: GraphQLSchema,
  file: string,
  definitions: { operations: readonly OperationDefinitionNode[]; fragments: readonly FragmentDefinitionNode[] },
  fragments: FragmentRegistry,
  imports: ImportPaths,
  importPathOf: (graphqlFile: string) => string,
  header: string,
): string {
  const collected: Collected = { schemaTypes: new Set(), fragmentTypes: new Set() };
  /** Fragments whose text an operation document needs. */
  const values = new Set<string>();
  const renderer = new TypeRenderer(schema, fragments, collected);
  const blocks = [
    ...definitions.fragments.map((fragment) => fragmentBlock(renderer, schema, fragment)),
    ...definitions.operations.map((operation) => operationBlock(renderer, schema, operation, fragments, collected.schemaTypes, values)),
  ];

  const typesFrom = new Map<string, string[]>();
  for (const name of [...collected.fragmentTypes].sort()) {
    const source = fragments.get(name);
    if (source !== undefined && source.file !== file) {
      const specifier = importPathOf(source.file);
      typesFrom.set(specifier, [...(typesFrom.get(specifier) ?? []), fragmentTypeName(name)]);
    }
  }
  const valuesFrom = new Map<string, string[]>();
  for (const name of [...values].sort()) {
    const source = fragments.get(name);
    if (source !== undefined && source.file !== file) {
      const specifier = importPathOf(source.file);
      valuesFrom.set(specifier, [...(valuesFrom.get(specifier) ?? []), fragmentDocumentName(name)]);
    }
  }
  const bySpecifier = (a: [string, string[]], b: [string, string[]]): number => a[0].localeCompare(b[0]);
  const importLines: string[] = [];
  if (definitions.operations.length > 0) {
    importLines.push(`import type { GraphqlOperation } from '${imports.operation}';`);
  }
  for (const [specifier, names] of [...valuesFrom].sort(bySpecifier)) {
    importLines.push(`import { ${names.join(', ')} } from '${specifier}';`);
  }
  for (const [specifier, names] of [...typesFrom].sort(bySpecifier)) {
    importLines.push(`import type { ${names.join(', ')} } from '${specifier}';`);
  }
  if (collected.schemaTypes.size > 0) {
    importLines.push(`import type { ${[...collected.schemaTypes].sort().join(', ')} } from '${imports.schemaTypes}';`);
  }
  return [header, '', ...importLines, '', blocks.join('\n')].join('\n');
}
