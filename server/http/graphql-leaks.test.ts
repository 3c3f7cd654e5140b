import { sql } from 'kysely';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { loginSession } from '../../test/support/oidc-login';
import { mapConstraintError } from '../db/errors';
import { ConflictError } from '../domain/errors';
import { createLogger } from '../log';
import { csrfHeader } from './csrf';
import { createGraphQLServer } from './graphql';

/** Class 7 of issue 10, the GraphQL part: subscriptions authorised at start, SSE lifetime, masked database errors. */
const SSE_MAX_SECONDS = 2;

/** Reads a server-sent-events response to its end (or gives up after `ms`); returns the text and whether it ended. */
async function readStream(res: Response, ms: number): Promise<{ text: string; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) {
      await reader.cancel();
      return { text, ended: false };
    }
    const next = await Promise.race([reader.read(), new Promise<'late'>((r) => setTimeout(() => r('late'), left))]);
    if (next === 'late') continue;
    if (next.done) return { text, ended: true };
    text += decoder.decode(next.value);
  }
}

const sse = (baseUrl: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', [csrfHeader]: '1', ...headers },
    body: JSON.stringify({ query }),
  });

describe.each(testDatabaseKinds())('GraphQL leaks (%s)', (kind) => {
  let t: TestApp;
  let member: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ database: kind, env: { SSE_MAX_SECONDS: String(SSE_MAX_SECONDS) } });
    member = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };
  }, 240_000);
  afterAll(() => t?.stop());

  it.each(['procedureUpdates', 'chamberUpdates { sittingId }', 'sittingEvents { kind }'])(
    'refuses an anonymous %s subscription when it starts, over SSE: one error, then the stream ends',
    async (selection) => {
      const field = selection.split(' ')[0]!;
      const sub =
        field === 'procedureUpdates' ? 'procedureUpdates(sittingId: "sitting-42") { seq }' : selection.replace(field, `${field}(sittingId: "sitting-42")`);
      const res = await sse(t.baseUrl, `subscription { ${sub} }`);
      // Without the check at start the stream stays open and sends one error per event, telling when events happen.
      const { text, ended } = await readStream(res, 15_000);
      expect(ended, text).toBe(true);
      expect(text).toContain('UNAUTHENTICATED');
      expect(text).not.toContain('"data":{');
    },
  );

  it('refuses an anonymous subscription when it starts, over graphql-ws', async () => {
    const client = createClient({ url: t.baseUrl.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
    const outcome = await new Promise<{ errors: unknown; completed: boolean }>((resolve) => {
      let errors: unknown = null;
      const timer = setTimeout(() => resolve({ errors, completed: false }), 15_000);
      client.subscribe(
        { query: 'subscription { procedureUpdates(sittingId: "sitting-42") { seq } }' },
        {
          next: (v) => (errors = v.errors ?? errors),
          error: (e) => {
            clearTimeout(timer);
            resolve({ errors: e, completed: true });
          },
          complete: () => {
            clearTimeout(timer);
            resolve({ errors, completed: true });
          },
        },
      );
    });
    await client.dispose();
    expect(outcome.completed).toBe(true);
    expect(JSON.stringify(outcome.errors)).toContain('UNAUTHENTICATED');
  });

  it(`ends a subscription over SSE cleanly after SSE_MAX_SECONDS (${SSE_MAX_SECONDS} s); a signed-in one is served until then`, async () => {
    const started = Date.now();
    const res = await sse(t.baseUrl, 'subscription { sittingEvents(sittingId: "sitting-42") { kind } }', member);
    expect(res.status).toBe(200);
    const { text, ended } = await readStream(res, 15_000);
    const seconds = (Date.now() - started) / 1000;
    expect(ended, text).toBe(true);
    expect(text).toContain('event: complete');
    expect(text).not.toContain('errors');
    expect(seconds).toBeGreaterThanOrEqual(SSE_MAX_SECONDS - 0.2);
    expect(seconds).toBeLessThan(SSE_MAX_SECONDS + 8);
  });

  it('answers a database error with a generic message, never its code, text or table', async () => {
    const db = t.app.database.db;
    await sql`alter table sittings rename to sittings_hidden_x`.execute(db);
    try {
      const r = await gql(t.baseUrl, '{ publicSitting(id: "sitting-42") { id } }');
      const text = JSON.stringify(r.body);
      expect(r.body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(text).not.toMatch(/sittings_hidden_x|relation|does not exist|42P01|stack|originalError/i);
      // Development mode shows original errors in Yoga by default; not here.
      const previous = process.env['NODE_ENV'];
      process.env['NODE_ENV'] = 'development';
      try {
        const yoga = createGraphQLServer({
          services: t.app.services,
          log: createLogger('silent'),
          graphiql: true,
          mediaAvailable: false,
          broadcasts: null,
          sseMaxSeconds: 60,
        });
        const res = await yoga.fetch(
          'http://localhost/graphql',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ publicSitting(id: "sitting-42") { id } }' }) },
          { user: null },
        );
        const dev = await res.text();
        expect(dev).toContain('Unexpected error.');
        expect(dev).not.toMatch(/sittings_hidden_x|relation|does not exist|42P01|stack|originalError/i);
      } finally {
        process.env['NODE_ENV'] = previous;
      }
    } finally {
      await sql`alter table sittings_hidden_x rename to sittings`.execute(db);
    }
    expect((await gql(t.baseUrl, '{ sittings { id } }', {}, member)).body.errors).toBeUndefined();
  });

  it('names no constraint and quotes no PostgreSQL detail in a conflict it does not know', () => {
    const pgError = { code: '23503', constraint: 'ballots_person_id_fkey', detail: 'Key (id)=(x) is still referenced from table "ballots".' };
    let thrown: unknown;
    try {
      mapConstraintError(pgError, { people_username_key: 'a person with this username exists already' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConflictError);
    expect(JSON.stringify({ message: (thrown as ConflictError).message, field: (thrown as ConflictError).field })).not.toMatch(/ballots|Key|fkey/);
    expect(() =>
      mapConstraintError({ code: '23505', constraint: 'people_username_key' }, { people_username_key: 'a person with this username exists already' }),
    ).toThrow('a person with this username exists already');
  });
});
