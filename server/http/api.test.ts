import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken, loginSession } from '../../test/support/oidc-login';

const sittingQuery = /* GraphQL */ `
  query Sitting($id: ID!) {
    sitting(id: $id) {
      id
      title
      state
      agenda {
        id
        position
        title
        kind
      }
    }
  }
`;

describe.each(testDatabaseKinds())('GraphQL over HTTP and WebSocket (%s)', (kind) => {
  let t: TestApp;
  let member: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    member = { cookie: (await loginSession(t.baseUrl, 'j.brandt')).cookie };
    admin = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'it.admin')}` };
  });
  afterAll(() => t?.stop());

  it('answers `me` with null and refuses everything else without sign-in', async () => {
    const r = await gql(t.baseUrl, '{ me { username } factions { id } }');
    expect(r.body.data).toBeNull();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await gql<{ me: null }>(t.baseUrl, '{ me { username } }');
    expect(me.body).toEqual({ data: { me: null } });
  });

  it('shows a signed-in member the parliament, the factions with members and the sitting', async () => {
    const r = await gql<{
      me: { username: string; roles: string[]; person: { faction: { shortName: string } } };
      parliament: { statutoryMembers: number; seatsFilled: number };
      factions: { shortName: string; seats: number; members: { name: string }[] }[];
    }>(
      t.baseUrl,
      '{ me { username roles person { faction { shortName } } } parliament { statutoryMembers seatsFilled } factions { shortName seats members { name } } }',
      {},
      member,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.me).toEqual({ username: 'j.brandt', roles: ['MEMBER'], person: { faction: { shortName: 'SDA' } } });
    expect(r.body.data?.parliament).toEqual({ statutoryMembers: 49, seatsFilled: 48 });
    expect(r.body.data?.factions.map((f) => [f.shortName, f.seats, f.members.length])).toEqual([
      ['SDA', 14, 14],
      ['CVP', 12, 11],
      ['GRN', 9, 9],
      ['LIB', 7, 7],
      ['LNK', 6, 6],
    ]);
    const s = await gql<{ sitting: { agenda: { position: number; title: string }[] } }>(t.baseUrl, sittingQuery, { id: 'sitting-42' }, member);
    expect(s.body.data?.sitting.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.body.data?.sitting.agenda[1]?.title).toMatch(/Budget Act 2027/);
  });

  it('forbids a member to maintain the parliament, and changes nothing', async () => {
    const r = await gql(t.baseUrl, 'mutation { createFaction(input: { shortName: "X", name: "X", colour: "#000000", seats: 0 }) { __typename } }', {}, member);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const f = await gql<{ factions: unknown[] }>(t.baseUrl, '{ factions { id } }', {}, member);
    expect(f.body.data?.factions).toHaveLength(5);
  });

  it('gives IT typed errors for bad input and rule violations, and applies good input', async () => {
    const bad = await gql<{ updateFaction: { __typename: string; code: string; issues: { path: string[]; message: string }[] } }>(
      t.baseUrl,
      'mutation { updateFaction(id: "grn", input: { colour: "green", shortName: "" }) { __typename ... on InputError { code issues { path message } } } }',
      {},
      admin,
    );
    expect(bad.body.data?.updateFaction.__typename).toBe('InputError');
    expect(bad.body.data?.updateFaction.issues.map((i) => i.path.join('.')).sort()).toEqual(['colour', 'shortName']);

    const rule = await gql<{ updateFaction: { __typename: string; rule: string } }>(
      t.baseUrl,
      'mutation { updateFaction(id: "grn", input: { seats: 3 }) { __typename ... on RuleViolation { rule } } }',
      {},
      admin,
    );
    expect(rule.body.data?.updateFaction).toEqual({ __typename: 'RuleViolation', rule: 'roster.seats_below_members' });

    const missing = await gql<{ updateFaction: { __typename: string } }>(
      t.baseUrl,
      'mutation { updateFaction(id: "nope", input: { name: "Nope" }) { __typename } }',
      {},
      admin,
    );
    expect(missing.body.data?.updateFaction.__typename).toBe('NotFoundError');

    const ok = await gql<{ updateFaction: { __typename: string; data: { name: string; colour: string } } }>(
      t.baseUrl,
      'mutation { updateFaction(id: "grn", input: { name: "Greens", colour: "#2E7D32" }) { __typename ... on MutationUpdateFactionSuccess { data { name colour } } } }',
      {},
      admin,
    );
    expect(ok.body.data?.updateFaction).toEqual({ __typename: 'MutationUpdateFactionSuccess', data: { name: 'Greens', colour: '#2E7D32' } });
  });

  it('publishes agenda changes to subscribers over graphql-ws', async () => {
    const client = createClient({
      url: t.baseUrl.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: admin,
      lazy: false,
      retryAttempts: 0,
    });
    const events: { kind: string; sitting: { agenda: { title: string }[] } }[] = [];
    const received = new Promise<void>((resolve, reject) => {
      client.subscribe<{ sittingEvents: (typeof events)[number] }>(
        { query: 'subscription { sittingEvents(sittingId: "sitting-42") { kind sitting { agenda { title } } } }' },
        {
          next: (v) => {
            if (v.data) events.push(v.data.sittingEvents);
            resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    // Let the subscription register before the change is made.
    await new Promise((r) => setTimeout(r, 300));
    const add = await gql<{ addAgendaItem: { __typename: string; data: { position: number } } }>(
      t.baseUrl,
      'mutation { addAgendaItem(sittingId: "sitting-42", position: 2, input: { title: "Urgent motion on flood relief", kind: DEBATE }) { __typename ... on MutationAddAgendaItemSuccess { data { position } } } }',
      {},
      admin,
    );
    expect(add.body.data?.addAgendaItem).toEqual({ __typename: 'MutationAddAgendaItemSuccess', data: { position: 2 } });
    await received;
    await client.dispose();
    expect(events[0]?.kind).toBe('agenda.changed');
    expect(events[0]?.sitting.agenda[1]?.title).toBe('Urgent motion on flood relief');
    expect(events[0]?.sitting.agenda).toHaveLength(7);
  });

  it('streams the same events over server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-plenum-csrf': '1', ...member },
      body: JSON.stringify({ query: 'subscription { sittingEvents(sittingId: "sitting-42") { kind sittingId } }' }),
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const firstEvent = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value);
        const m = /event: next\ndata: (.*)\n/.exec(text);
        if (m) return m[1]!;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await gql(t.baseUrl, 'mutation { moveAgendaItem(id: "x", position: 1) { __typename } }', {}, admin);
    const items = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, sittingQuery, { id: 'sitting-42' }, admin);
    const last = items.body.data!.sitting.agenda.at(-1)!.id;
    await gql(t.baseUrl, 'mutation M($id: ID!) { moveAgendaItem(id: $id, position: 1) { __typename } }', { id: last }, admin);
    expect(JSON.parse(await firstEvent)).toEqual({ data: { sittingEvents: { kind: 'agenda.changed', sittingId: 'sitting-42' } } });
    abort.abort();
  });

  it('rejects a forged bearer token with 401', async () => {
    const r = await gql(t.baseUrl, '{ me { username } }', {}, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' });
    expect(r.status).toBe(401);
  });

  it('serves /healthz, /metrics and security headers', async () => {
    const h = await fetch(`${t.baseUrl}/healthz`);
    expect(h.status).toBe(200);
    const body = (await h.json()) as { status: string; checks: { database: { ok: boolean; kind: string } } };
    expect(body.status).toBe('ok');
    expect(body.checks.database).toMatchObject({ ok: true, kind });
    expect(h.headers.get('content-security-policy')).toContain("script-src 'self'");
    const m = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(m).toMatch(/plenum_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
  });
});
