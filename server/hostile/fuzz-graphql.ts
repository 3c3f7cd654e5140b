/**
 * GraphQL documents a hostile client sends, shaped from the schema: real fields with random,
 * hostile arguments, plus the known ways to make one request expensive (aliases, depth through the
 * schema's cycles, fragment fan-out, directives, tokens) and plain garbage. Pure: the same rng
 * gives the same document.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Rng } from './fuzz-random';
import { hostileJson, hostileNumber, hostileString } from './hostile-values';

export type Shape = 'fields' | 'aliases' | 'deep' | 'fragments' | 'directives' | 'tokens' | 'garbage' | 'truncated';

export interface GeneratedDocument {
  readonly shape: Shape;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

type Composite = GraphQLObjectType | GraphQLNamedType;

/** A literal of `type`: mostly right, sometimes hostile, sometimes the wrong type altogether. */
function argLiteral(rng: Rng, type: GraphQLInputType, depth: number, ids: readonly string[], small: boolean): string {
  const str = () => hostileString(rng, small || depth > 0);
  const roll = rng.next();
  if (roll < 0.08) return rng.pick(['null', '1', '"x"', 'true', '[]', '{}', 'NOT_AN_ENUM', '$undeclared', '-1.5e400']);
  const t = getNullableType(type);
  if (isListType(t)) {
    const n = !small && rng.chance(0.05) ? rng.int(50, 2000) : rng.int(0, 3);
    return `[${Array.from({ length: n }, () => argLiteral(rng, t.ofType, depth + 1, ids, small)).join(', ')}]`;
  }
  if (isInputObjectType(t)) {
    if (depth > 4) return '{}';
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${argLiteral(rng, f.type, depth + 1, ids, small)}`).join(', ')} }`;
  }
  if (isEnumType(t)) return rng.chance(0.9) ? rng.pick(t.getValues()).name : rng.pick(['speech', 'SPEECHX', '"SPEECH"']);
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID':
        return JSON.stringify(rng.chance(0.6) ? rng.pick(ids) : str());
      case 'Int':
        return String(Math.trunc(hostileNumber(rng)));
      case 'Float':
        return String(hostileNumber(rng));
      case 'Boolean':
        return rng.chance(0.5) ? 'true' : 'false';
      case 'DateTime':
        return JSON.stringify(rng.pick(['2030-01-01T09:00:00Z', '0000-00-00T00:00:00Z', '+275760-09-13T00:00:00.001Z', str()]));
      case 'JSON':
        return JSON.stringify(JSON.stringify(hostileJson(rng, 3)));
      default:
        return JSON.stringify(str());
    }
  }
  return 'null';
}

function args(rng: Rng, field: GraphQLField<unknown, unknown>, ids: readonly string[], small: boolean): string {
  const chosen = field.args.filter((a) => (isNonNullType(a.type) ? rng.chance(0.95) : rng.chance(0.4)));
  if (rng.chance(0.03)) return `(${rng.pick(['unknownArg', 'id', 'sittingId'])}: "x")`;
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${argLiteral(rng, a.type, 0, ids, small)}`).join(', ')})` : '';
}

const fieldsOf = (t: Composite): GraphQLField<unknown, unknown>[] => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []);

/** A selection set of `type`, `depth` levels left; object-typed fields preferred when `dive`. */
function selection(rng: Rng, schema: GraphQLSchema, type: GraphQLNamedType, depth: number, ids: readonly string[], dive: boolean, small: boolean): string {
  if (isLeafType(type)) return '';
  if (depth <= 0) return ' { __typename }';
  const parts: string[] = ['__typename'];
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    // Diving goes down one path only: a branch per possible type would grow exponentially with depth.
    if (dive) {
      const p = rng.pick(possible);
      return ` { __typename ... on ${p.name}${selection(rng, schema, p, depth - 1, ids, dive, small)} }`;
    }
    for (const p of possible) if (rng.chance(0.5)) parts.push(`... on ${p.name}${selection(rng, schema, p, depth - 1, ids, dive, small)}`);
  }
  const fields = fieldsOf(type);
  if (fields.length) {
    const composite = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const n = dive ? 1 : rng.int(1, 4);
    for (let i = 0; i < n; i++) {
      const f = dive && composite.length ? rng.pick(composite) : rng.pick(fields);
      const alias = rng.chance(0.1) ? `${rng.pick(['a', 'b', '__a'])}${i}: ` : '';
      parts.push(`${alias}${f.name}${args(rng, f, ids, small)}${selection(rng, schema, getNamedType(f.type), depth - 1, ids, dive, small)}`);
    }
  }
  return ` { ${parts.join(' ')} }`;
}

function rootOf(rng: Rng, schema: GraphQLSchema): { keyword: string; type: GraphQLObjectType } {
  const [keyword, type] = rng.weighted<readonly [string, GraphQLObjectType | null | undefined]>([
    [55, ['query', schema.getQueryType()]],
    [35, ['mutation', schema.getMutationType()]],
    [10, ['subscription', schema.getSubscriptionType()]],
  ]);
  return type ? { keyword, type } : { keyword: 'query', type: schema.getQueryType()! };
}

function oneField(rng: Rng, schema: GraphQLSchema, root: GraphQLObjectType, ids: readonly string[], depth: number, small = false): string {
  const f = rng.pick(Object.values(root.getFields()));
  return `${f.name}${args(rng, f, ids, small)}${selection(rng, schema, getNamedType(f.type), depth, ids, false, small)}`;
}

export function generateDocument(rng: Rng, schema: GraphQLSchema, ids: readonly string[]): GeneratedDocument {
  const shape = rng.weighted<Shape>([
    [50, 'fields'],
    [8, 'aliases'],
    [8, 'deep'],
    [6, 'fragments'],
    [5, 'directives'],
    [4, 'tokens'],
    [10, 'garbage'],
    [9, 'truncated'],
  ]);
  const { keyword, type } = rootOf(rng, schema);
  const variables: Record<string, unknown> = {};
  let query: string;
  switch (shape) {
    case 'fields': {
      const parts = Array.from({ length: rng.int(1, 3) }, () => oneField(rng, schema, type, ids, rng.int(1, 4)));
      if (rng.chance(0.2)) {
        // Hostile values through variables too (they are coerced on another path than literals).
        variables.v = rng.chance(0.8) ? hostileString(rng) : hostileJson(rng, 4);
        query = `${keyword} Q($v: ${rng.pick(['String', 'ID!', 'Int', '[ID!]', 'JSON', 'DateTime'])}) { ${parts.join(' ')} x: __typename }`;
      } else query = `${keyword} { ${parts.join(' ')} }`;
      break;
    }
    case 'aliases': {
      const field = oneField(rng, schema, type, ids, rng.int(1, 3), true);
      // Many aliases of one field, up to about 1 MB of document.
      const n = Math.min(rng.pick([100, 1000, 5000, rng.int(2, 20000)]), Math.floor(1_000_000 / (field.length + 8)));
      query = `${keyword} { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
      break;
    }
    case 'deep': {
      const root = schema.getQueryType()!;
      const f = rng.pick(Object.values(root.getFields()));
      query = `query { ${f.name}${args(rng, f, ids, true)}${selection(rng, schema, getNamedType(f.type), rng.pick([10, 30, 100, 300]), ids, true, true)} }`;
      break;
    }
    case 'fragments': {
      // A fan-out of fragments: each spreads the next `k` times (k^n fields after expansion), or a cycle.
      const n = rng.int(3, 30);
      const k = rng.int(2, 10);
      const on = rng.pick(['Query', 'Person', 'Faction', 'Sitting']);
      const fragments = Array.from({ length: n }, (_, i) =>
        i === n - 1
          ? `fragment F${i} on ${on} { __typename ${rng.chance(0.2) ? '...F0' : ''} }`
          : `fragment F${i} on ${on} { ${Array.from({ length: k }, (_, j) => (rng.chance(0.5) ? `...F${i + 1}` : `x${j}: __typename ...F${i + 1}`)).join(' ')} }`,
      );
      query = `query { ${on === 'Query' ? '...F0' : `${on === 'Person' ? 'people' : on === 'Faction' ? 'factions' : 'sittings'} { ...F0 }`} } ${fragments.join(' ')}`;
      break;
    }
    case 'directives': {
      const n = rng.pick([10, 1000, 20000]);
      const d = rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@unknown(x: 1)', '@include(if: $nope)']);
      query = `query { __typename ${d.repeat(n)} ${oneField(rng, schema, schema.getQueryType()!, ids, 2, true)} }`;
      break;
    }
    case 'tokens': {
      const n = rng.pick([10_000, 50_000, 100_000]);
      query = `query { ${rng.pick(['__typename ', '{', 'a: __typename ', '"x" ', '# c\n', ', '] as const).repeat(n)} }`;
      break;
    }
    case 'garbage': {
      query = rng.chance(0.5) ? hostileString(rng) : rng.bytes(rng.int(1, 4096)).toString('latin1');
      break;
    }
    case 'truncated': {
      const full = `${keyword} { ${oneField(rng, schema, type, ids, 3)} }`;
      query = full.slice(0, rng.int(0, full.length));
      break;
    }
  }
  return { shape, query, variables };
}

/** Kinds of HTTP request around a document: the JSON POST most clients send and the others. */
export type Envelope = 'json' | 'get' | 'form' | 'multipart' | 'text' | 'invalid-json' | 'batch' | 'json-wrong-types' | 'no-body';

export interface HttpInput {
  readonly envelope: Envelope;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly document: GeneratedDocument;
}

export function wrapInHttp(rng: Rng, document: GeneratedDocument): HttpInput {
  const envelope = rng.weighted<Envelope>([
    [78, 'json'],
    [5, 'get'],
    [3, 'form'],
    [2, 'multipart'],
    [2, 'text'],
    [3, 'invalid-json'],
    [3, 'batch'],
    [3, 'json-wrong-types'],
    [1, 'no-body'],
  ]);
  const json = {
    'content-type': 'application/json',
    accept: rng.pick(['application/graphql-response+json, application/json', 'application/json', 'text/event-stream', '*/*', 'text/html']),
  };
  const body = JSON.stringify({ query: document.query, variables: document.variables });
  switch (envelope) {
    case 'json':
      return { envelope, method: 'POST', path: '/graphql', headers: json, body, document };
    case 'get': {
      const q = new URLSearchParams({ query: document.query.slice(0, 6000), variables: JSON.stringify(document.variables) });
      return { envelope, method: 'GET', path: `/graphql?${q.toString()}`, headers: { accept: 'application/json' }, body: null, document };
    }
    case 'form':
      return {
        envelope,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: document.query }).toString(),
        document,
      };
    case 'multipart': {
      const boundary = 'hostileboundary';
      const part = `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${body}\r\n--${boundary}--\r\n`;
      return { envelope, method: 'POST', path: '/graphql', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: part, document };
    }
    case 'text':
      return {
        envelope,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': rng.pick(['text/plain', 'application/graphql', 'application/json; charset=utf-16', 'x/y']) },
        body: document.query,
        document,
      };
    case 'invalid-json':
      return { envelope, method: 'POST', path: '/graphql', headers: json, body: body.slice(0, rng.int(0, body.length - 1)), document };
    case 'batch':
      return {
        envelope,
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify(
          Array.from({ length: Math.min(rng.int(2, 200), Math.ceil(1_000_000 / (document.query.length + 1))) }, () => ({ query: document.query })),
        ),
        document,
      };
    case 'json-wrong-types':
      return {
        envelope,
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({
          query: hostileJson(rng, 3),
          variables: hostileJson(rng, 3),
          operationName: hostileJson(rng, 2),
          extensions: hostileJson(rng, 3),
        }),
        document,
      };
    case 'no-body':
      return { envelope, method: 'POST', path: '/graphql', headers: json, body: null, document };
  }
}
