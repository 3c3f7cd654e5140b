import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { schema } from '../graphql';
import { useCostLimits } from './graphql-cost';

/** The limits must refuse hostile documents, not the client: every operation the client sends passes them. */
async function graphqlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? graphqlFiles(path.join(dir, e.name)) : Promise.resolve(e.name.endsWith('.graphql') ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** Each named operation of the client with the fragments it spreads, as the client sends it. */
async function clientOperations(): Promise<{ name: string; text: string }[]> {
  const root = path.resolve(import.meta.dirname, '../../client/app');
  const definitions: DefinitionNode[] = [];
  for (const file of await graphqlFiles(root)) definitions.push(...parse(await readFile(file, 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return definitions.flatMap((op) => {
    if (op.kind !== Kind.OPERATION_DEFINITION) return [];
    const used = new Set<string>();
    const todo: DefinitionNode[] = [op];
    while (todo.length > 0) {
      visit(todo.pop()!, {
        FragmentSpread: (spread) => {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          todo.push(fragments.get(spread.name.value)!);
        },
      });
    }
    return [{ name: op.name?.value ?? '(anonymous)', text: [op, ...[...used].map((u) => fragments.get(u)!)].map((d) => print(d)).join('\n') }];
  });
}

describe('the GraphQL limits and the client', () => {
  it('admit every operation the client sends', async () => {
    const yoga = createYoga({ schema, plugins: [useCostLimits({ introspection: false })] });
    const operations = await clientOperations();
    expect(operations.length).toBeGreaterThan(40);
    const refused = operations.flatMap(({ name, text }) => {
      const {
        parse: parseDocument,
        validate,
        schema: s,
      } = yoga.getEnveloped({ request: new Request('http://localhost/graphql', { method: 'POST' }), params: { query: text } });
      const errors: readonly GraphQLError[] = validate(s, parseDocument(text));
      return errors.map((e) => `${name}: ${e.message}`);
    });
    expect(refused).toEqual([]);
  });
});
