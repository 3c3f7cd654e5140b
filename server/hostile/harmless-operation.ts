/**
 * One operation of the schema as a document with schema-valid, harmless arguments: required
 * arguments only, ids of the fixture's sitting where they let the call reach its checks, ids that
 * exist nowhere for anything that deletes. Built from the argument types, so a new mutation gets
 * arguments without anyone writing them.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** Ids of the fixture the arguments point at. */
export interface FixtureIds {
  readonly sittingId: string;
  readonly agendaItemId: string;
  readonly personId: string;
  readonly factionId: string;
}

/** An id that no table holds: deleting it deletes nothing. */
export const absentId = 'hostile-matrix-absent';

let serial = 0;

function idFor(operation: string, argName: string, ids: FixtureIds): string {
  if (argName === 'sittingId') return ids.sittingId;
  if (argName === 'agendaItemId') return ids.agendaItemId;
  if (argName === 'personId') return ids.personId;
  if (argName === 'factionId') return ids.factionId;
  if (argName !== 'id') return absentId;
  // `id` names the entity the mutation is about; deleting (or cancelling) a real one would change the fixture.
  if (/^(delete|remove|cancel)/.test(operation)) return absentId;
  if (/Person$/.test(operation)) return ids.personId;
  if (/Faction$/.test(operation)) return ids.factionId;
  if (/Sitting$/.test(operation)) return ids.sittingId;
  if (/AgendaItem$/.test(operation)) return ids.agendaItemId;
  return absentId;
}

function stringFor(name: string): string {
  if (name === 'username') return `hostile-matrix-${++serial}`;
  if (name === 'colour') return '#123456';
  if (name === 'relayLanguage' || name === 'language') return 'fr';
  return 'hostile matrix';
}

/** A GraphQL literal of `type`; `name` is the argument or input field it is for. */
function literal(operation: string, name: string, type: GraphQLInputType, ids: FixtureIds): string {
  const t = getNullableType(type);
  if (isListType(t)) return `[${literal(operation, name, t.ofType, ids)}]`;
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).filter(isRequired);
    return `{ ${fields.map((f) => `${f.name}: ${literal(operation, f.name, f.type, ids)}`).join(', ')} }`;
  }
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID':
        return JSON.stringify(idFor(operation, name, ids));
      case 'String':
        return JSON.stringify(stringFor(name));
      case 'Int':
        return name === 'number' ? String(9000 + ++serial) : '1';
      case 'Float':
        return '1';
      case 'Boolean':
        return 'false';
      case 'DateTime':
        return JSON.stringify('2030-01-01T09:00:00.000Z');
      default:
        return '{}';
    }
  }
  throw new Error(`no harmless value for ${String(type)}`);
}

const isRequired = (a: GraphQLArgument | GraphQLInputField) => isNonNullType(a.type) && a.defaultValue === undefined;

/** What to select of a result: its type name and, for typed errors, their code and rule. */
function selection(schema: GraphQLSchema, type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  const possible = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
  const spreads = ['__typename'];
  if (isAbstractType(named)) {
    if (possible.some((p) => p.getInterfaces().some((i) => i.name === 'Error'))) spreads.push('... on Error { code message }');
    if (possible.some((p) => p.name === 'RuleViolation')) spreads.push('... on RuleViolation { rule }');
  }
  return ` { ${spreads.join(' ')} }`;
}

/** `mutation { r: name(args) { … } }` (or a subscription) with harmless arguments. */
export function harmlessOperation(schema: GraphQLSchema, kind: 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, ids: FixtureIds): string {
  const args = field.args.filter(isRequired).map((a) => `${a.name}: ${literal(field.name, a.name, a.type, ids)}`);
  return `${kind} { r: ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection(schema, field.type)} }`;
}
