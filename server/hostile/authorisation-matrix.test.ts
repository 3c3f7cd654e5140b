// Every mutation and subscription of the schema × every role, against the whole server: the table
// in authorisation-matrix.ts is the expectation; the operations come from the built schema, so a
// new one without an entry fails here. Refused cells must be refused by the authorisation check
// and change nothing; allowed cells must not be refused by it (the procedure may still say no).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLField } from 'graphql';
import { schema } from '../graphql';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { authorisationErrorCodes, authorisationMatrix, callers, callerUsernames, type Caller } from './authorisation-matrix';
import { errorCodes, probeSubscription } from './graphql-ws-probe';
import { harmlessOperation, type FixtureIds } from './harmless-operation';
import { stateFingerprint, tableNames } from './state-fingerprint';

const S = 'sitting-42';
const fieldsOf = (t: { getFields(): Record<string, GraphQLField<unknown, unknown>> } | null | undefined) => Object.values(t?.getFields() ?? {});
const mutations = fieldsOf(schema.getMutationType());
const subscriptions = fieldsOf(schema.getSubscriptionType());
/** graphql-ws close codes of a refused connection (Unauthorized, Forbidden). */
const refusedCloseCodes = [4401, 4403];

describe.each(testDatabaseKinds())('authorisation matrix (%s)', (kind) => {
  let t: TestApp;
  let ids: FixtureIds;
  let tables: string[];
  const tokens = new Map<Caller, string>();
  const headersOf = (c: Caller): Record<string, string> => {
    const token = tokens.get(c);
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const fingerprint = () => stateFingerprint(t.app, tables, [S]);

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    for (const c of callers) if (c !== 'anonymous') tokens.set(c, await fetchAccessToken(t.baseUrl, callerUsernames[c]));
    const res = await gql<{ sitting: { agenda: { id: string }[] }; people: { id: string; username: string }[] }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { agenda { id } } people { id username } }`,
      {},
      headersOf('chair'),
    );
    const vogel = res.body.data?.people.find((p) => p.username === 'l.vogel');
    const item = res.body.data?.sitting.agenda[1];
    if (!vogel || !item) throw new Error(`fixture ids not found: ${JSON.stringify(res.body)}`);
    ids = { sittingId: S, agendaItemId: item.id, personId: vogel.id, factionId: 'sda' };
    tables = await tableNames(t.app);
  });
  afterAll(() => t?.stop());

  it('has one entry per mutation and subscription of the schema, of the right kind', () => {
    const inSchema = [...mutations.map((f) => `mutation ${f.name}`), ...subscriptions.map((f) => `subscription ${f.name}`)].sort();
    const inTable = Object.entries(authorisationMatrix)
      .map(([name, e]) => `${e.kind} ${name}`)
      .sort();
    expect(inTable).toEqual(inSchema);
  });

  it.each(mutations.map((f) => [f.name, f] as const))('mutation %s', async (name, field) => {
    const expected = authorisationMatrix[name];
    if (!expected) throw new Error(`mutation ${name} has no entry in server/hostile/authorisation-matrix.ts`);
    const document = harmlessOperation(schema, 'mutation', field, ids);
    const problems: string[] = [];
    const call = async (c: Caller) => {
      const res = await gql(t.baseUrl, document, {}, headersOf(c));
      const codes = (res.body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      if (res.status >= 500) problems.push(`${c}: HTTP ${res.status}`);
      if (codes.includes('GRAPHQL_VALIDATION_FAILED')) problems.push(`${c}: the harmless document is invalid: ${JSON.stringify(res.body.errors)}`);
      return { codes, body: JSON.stringify(res.body).slice(0, 300) };
    };

    // Refused callers first, one by one, each against the state the one before left.
    let before = await fingerprint();
    for (const c of callers.filter((c) => !expected.allowed.includes(c))) {
      const { codes, body } = await call(c);
      if (!codes.some((code) => authorisationErrorCodes.includes(code))) problems.push(`${c}: expected an authorisation refusal, got ${body}`);
      const after = await fingerprint();
      if (after !== before) problems.push(`${c}: refused or not, the call changed the state`);
      before = after;
    }
    for (const c of expected.allowed) {
      const { codes, body } = await call(c);
      if (codes.some((code) => authorisationErrorCodes.includes(code))) problems.push(`${c}: refused for authorisation but the table allows it: ${body}`);
    }
    expect(problems, `${document}\n${problems.join('\n')}`).toEqual([]);
  });

  it.each(subscriptions.map((f) => [f.name, f] as const))('subscription %s is authorised when it starts', async (name, field) => {
    const expected = authorisationMatrix[name];
    if (!expected) throw new Error(`subscription ${name} has no entry in server/hostile/authorisation-matrix.ts`);
    const document = harmlessOperation(schema, 'subscription', field, ids);
    // No event is caused during the window: a refusal must come from the start of the subscription.
    const probes = await Promise.all(
      callers.map(async (c) => [c, await probeSubscription(t.baseUrl, document, { bearer: tokens.get(c), windowMs: 500 })] as const),
    );
    const problems: string[] = [];
    for (const [c, probe] of probes) {
      const refused = errorCodes(probe).some((code) => authorisationErrorCodes.includes(code)) || refusedCloseCodes.includes(probe.closeCode ?? 0);
      const shown = JSON.stringify({ acknowledged: probe.acknowledged, closeCode: probe.closeCode, messages: probe.messages }).slice(0, 300);
      if (expected.allowed.includes(c) && refused) problems.push(`${c}: refused but the table allows it: ${shown}`);
      if (!expected.allowed.includes(c) && !refused) problems.push(`${c}: not refused when the subscription started: ${shown}`);
      if (expected.allowed.includes(c) && !probe.acknowledged) problems.push(`${c}: connection not acknowledged: ${shown}`);
    }
    expect(problems, `${document}\n${problems.join('\n')}`).toEqual([]);
  });
});
