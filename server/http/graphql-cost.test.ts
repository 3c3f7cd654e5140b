import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';
import { csrfHeader } from './csrf';
import { graphqlLimits, limitCodes, pageSizes } from './graphql-limits';

/**
 * Class 2 of issue 10: one request must not freeze the event loop. The app runs in this process, so
 * the event-loop delay measured here is the server's. Every document below is a few dozen KB at most
 * and is refused with HTTP 400 and a code, anonymous or signed in, without holding the loop > 100 ms.
 */
const rep = (n: number, f: (i: number) => string, sep = ' ') => Array.from({ length: n }, (_, i) => f(i)).join(sep);
const nest = (n: number, open: string, inner: string) => `${open.repeat(n)} ${inner} ${'}'.repeat(n * (open.split('{').length - 1))}`;

/** `signedInOnly`: the document reads what only members may; anonymous it is refused as UNAUTHENTICATED first. */
type Hostile = { readonly name: string; readonly body: string; readonly codes: readonly string[]; readonly signedInOnly?: boolean };
const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const tooComplex = [limitCodes.tooComplex];

const hostile: readonly Hostile[] = [
  { name: 'deep nesting (5,000 levels)', body: json(`{ ${nest(2_500, 'factions { members { ', 'id')} }`), codes: tooComplex },
  { name: 'deep nesting within the token limit', body: json(`{ ${nest(60, 'factions { members { ', 'id')} }`), codes: tooComplex },
  // 10,000 aliases do not fit in the body limit however short they are.
  { name: '10,000 aliases', body: json(`{ me { ${rep(10_000, (i) => `a${i}:name`, ',')} } }`), codes: [limitCodes.bodyTooLarge] },
  { name: '4,000 aliases within the body limit', body: json(`{ me { ${rep(4_000, (i) => `a${i}:name`, ',')} } }`), codes: tooComplex },
  { name: 'aliases within the token limit', body: json(`{ ${rep(250, (i) => `a${i}: me { username }`)} }`), codes: tooComplex },
  { name: 'one field repeated 1,990 times', body: json(`{ me { ${rep(1_990, () => 'username')} } }`), codes: tooComplex },
  { name: 'a field repeated through inline fragments', body: json(`{ me { ${rep(300, () => '... on Viewer { name }')} } }`), codes: tooComplex },
  {
    name: 'fragment bomb (each fragment spreads the next twice)',
    body: json(
      `{ ...F0 } ${rep(60, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} me { username } }`)} fragment F60 on Query { me { username } }`,
    ),
    codes: [limitCodes.tooExpensive, limitCodes.tooComplex],
  },
  {
    name: 'fragment cycle',
    body: json(`{ ...A } fragment A on Query { me { username } ...B } fragment B on Query { ...A }`),
    codes: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'fragments nested deep',
    body: json(
      `{ factions { ...F0 } } ${rep(100, (i) => `fragment F${i} on Faction { members { faction { ...F${i + 1} } } }`)} fragment F100 on Faction { id }`,
    ),
    codes: tooComplex,
  },
  { name: '3,000 directives', body: json(`{ me ${rep(3_000, () => '@include(if: true)')} { username } }`), codes: tooComplex },
  { name: 'directives within the token limit', body: json(`{ me ${rep(100, () => '@skip(if: false)')} { username } }`), codes: tooComplex },
  { name: 'a 100 KB string', body: json(`{ sitting(id: "${'x'.repeat(100_000)}") { id } }`), codes: [limitCodes.bodyTooLarge] },
  {
    name: '200 KB of variables',
    body: json('query Q($ids: [ID!]) { __typename }', { ids: Array.from({ length: 20_000 }, (_, i) => `id-${i}`) }),
    codes: [limitCodes.bodyTooLarge],
  },
  {
    name: 'an introspection bomb',
    body: json(`{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`),
    codes: [limitCodes.introspectionDisabled, 'GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'list × nesting the static limits cannot see',
    body: json(
      `{ ${rep(graphqlLimits.maxAliases, (i) => `a${i}: factions { members { faction { members { faction { members { name faction { shortName } } } } } } }`)} }`,
    ),
    codes: [limitCodes.tooExpensive],
    signedInOnly: true,
  },
  {
    name: 'a page larger than the maximum',
    body: json(`{ sittings(first: ${pageSizes.sittings.max + 1}) { id } }`),
    codes: [limitCodes.pageTooLarge],
    signedInOnly: true,
  },
  { name: 'a field name the schema does not have (no suggestions)', body: json('{ factoins { id } }'), codes: ['GRAPHQL_VALIDATION_FAILED'] },
];

/** The longest the event loop was held while `run` ran, in ms (resolution 10 ms). */
async function loopHeldDuring<T>(run: () => Promise<T>): Promise<{ result: T; heldMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const result = await run();
    await new Promise((r) => setTimeout(r, 20)); // let the histogram take its last sample
    return { result, heldMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

async function post(baseUrl: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', [csrfHeader]: '1', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe.each(testDatabaseKinds())('GraphQL cost limits (%s)', (kind) => {
  let t: TestApp;
  const who: Record<string, Record<string, string>> = { anonymous: {} };
  const figures: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    who['member'] = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };
  }, 240_000);
  afterAll(async () => {
    console.log(`event loop held per hostile request (${kind}), ms:\n  ${figures.join('\n  ')}`);
    await t?.stop();
  });

  it.each(hostile.map((h) => [h.name, h] as const))('refuses %s with 400 and a code, holding the event loop ≤ 100 ms', async (_name, doc) => {
    expect(doc.body.length).toBeGreaterThan(0);
    for (const [identity, headers] of Object.entries(who)) {
      if (doc.signedInOnly && identity === 'anonymous') continue;
      // A loaded machine can stall this process for reasons of its own: the least of five tries
      // is the request's cost. A request that holds the loop longer fails every try.
      let least = Infinity;
      for (let attempt = 0; attempt < 5 && least > 100; attempt++) {
        const { result, heldMs } = await loopHeldDuring(() => post(t.baseUrl, doc.body, headers));
        expect(result.status, `${identity}: ${result.text.slice(0, 300)}`).toBe(400);
        const codes = (result.body.errors ?? []).map((e) => e.extensions?.code);
        expect(
          codes.some((c) => c !== undefined && doc.codes.includes(c)),
          `${identity}: ${result.text.slice(0, 300)}`,
        ).toBe(true);
        expect(result.text).not.toMatch(/Did you mean/);
        least = Math.min(least, heldMs);
      }
      figures.push(`${doc.name} (${identity}, ${(doc.body.length / 1024).toFixed(0)} KB): ${least.toFixed(0)}`);
      expect(least, `${doc.name}, ${identity}`).toBeLessThanOrEqual(100);
    }
  });

  it('still answers a normal query afterwards, and one over the same limits is refused before anything runs', async () => {
    const r = await gql<{ me: { username: string }; factions: { members: { name: string }[] }[]; sittings: { id: string }[] }>(
      t.baseUrl,
      '{ me { username } factions { members { name } } sittings { id } }',
      {},
      who['member'],
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.me.username).toBe('j.brandt');
    expect(r.body.data?.factions.flatMap((f) => f.members)).toHaveLength(47);
    expect(r.body.data?.sittings.length).toBeGreaterThan(0);
  });

  it('answers a large query within the budget completely, in slices that leave the event loop free', async () => {
    // 15 × (47 members × 4 values + factions): about 3,500 values, under the budget, all by lookups.
    const query = `{ ${rep(graphqlLimits.maxAliases, (i) => `a${i}: factions { id members { id name faction { shortName } } }`)} }`;
    let least = Infinity;
    for (let attempt = 0; attempt < 5 && least > 100; attempt++) {
      const { result, heldMs } = await loopHeldDuring(() => post(t.baseUrl, json(query), who['member']!));
      expect(result.status, result.text.slice(0, 300)).toBe(200);
      expect(result.body.errors).toBeUndefined();
      const data = result.body.data as Record<string, { members: { faction: { shortName: string } | null }[] }[]>;
      expect(Object.keys(data)).toHaveLength(graphqlLimits.maxAliases);
      for (const factions of Object.values(data)) expect(factions.flatMap((f) => f.members).filter((m) => m.faction?.shortName)).toHaveLength(47);
      least = Math.min(least, heldMs);
    }
    figures.push(`a large query within the budget (member): ${least.toFixed(0)}`);
    expect(least).toBeLessThanOrEqual(100);
  });

  it('pages growing lists: sittings, the record, votes and ballots', async () => {
    const admin = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'it.admin')}` };
    const created = await gql(
      t.baseUrl,
      'mutation { createSitting(input: { number: 4242, title: "Paging", startsAt: "2030-01-01T09:00:00Z" }) { __typename } }',
      {},
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    const all = await gql<{ sittings: { id: string }[] }>(t.baseUrl, '{ sittings { id } }', {}, admin);
    const ids = all.body.data!.sittings.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(1);
    const second = await gql<{ sittings: { id: string }[] }>(t.baseUrl, '{ sittings(first: 1, offset: 1) { id } }', {}, admin);
    expect(second.body.data?.sittings.map((s) => s.id)).toEqual([ids[1]]);

    const record = (after: number, first: number) =>
      gql<{ sitting: { record: { seq: number }[] } }>(
        t.baseUrl,
        'query R($a: Int, $f: Int) { sitting(id: "sitting-42") { record(afterSeq: $a, first: $f) { seq } } }',
        { a: after, f: first },
        admin,
      );
    const page = await record(0, 2);
    expect(page.body.errors).toBeUndefined();
    const seqs = page.body.data!.sitting.record.map((e) => e.seq);
    expect(seqs.length).toBeLessThanOrEqual(2);
    if (seqs.length === 2) expect((await record(seqs[1]!, 2)).body.data!.sitting.record[0]?.seq).toBe(seqs[1]! + 1);
    const over = await record(0, pageSizes.record.max + 1);
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]?.extensions?.code).toBe(limitCodes.pageTooLarge);

    const votes = await gql<{ sitting: { procedure: { votes: { ballots: unknown[] | null }[] } } }>(
      t.baseUrl,
      '{ sitting(id: "sitting-42") { procedure { votes(first: 1) { ballots(first: 1) { optionId } } } } }',
      {},
      admin,
    );
    expect(votes.body.errors).toBeUndefined();
    expect(votes.body.data!.sitting.procedure.votes.length).toBeLessThanOrEqual(1);
  });
});
