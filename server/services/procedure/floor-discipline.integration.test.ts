import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../../test/support/app';
import { loginSession } from '../../../test/support/oidc-login';
import { setSittingRulebookOverrides } from '../../db/rulebooks';
import { loadRecord } from '../../db/record';

// The floor's discipline through the whole server: a sitting whose rules (its overrides) give speeches
// one second, a grace period of three seconds and the talking stick. The speaker passes the floor on
// without the chair; the next speaker's floor then ends by itself, once, written in the record.

const S = 'sitting-42';

describe('the talking stick and the grace period in a running server', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  async function ok(u: string, field: string, args = '') {
    const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } } }`;
    const res = await gql<{ r: { __typename: string } }>(t.baseUrl, q, {}, { cookie: cookies[u]! });
    expect(res.body.data?.r.__typename, JSON.stringify(res.body)).toMatch(/Success$/);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await setSittingRulebookOverrides(t.app.database.db, S, { speech: { limits: { speech: 1 } }, floor: { graceSeconds: 3, talkingStick: true } });
    for (const u of ['a.keller', 'j.brandt', 'l.vogel']) cookies[u] = (await loginSession(t.baseUrl, u)).cookie;
  }, 60_000);
  afterAll(() => t?.stop());

  it('passes the floor on, then ends it one grace period past its time', { timeout: 30_000 }, async () => {
    await ok('a.keller', 'openSitting');
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { agenda { id } } }`,
      {},
      { cookie: cookies['a.keller']! },
    );
    await ok('a.keller', 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[0]!.id}"`);
    for (const u of ['j.brandt', 'l.vogel']) await ok(u, 'joinSitting');
    await ok('j.brandt', 'requestToSpeak');
    await ok('l.vogel', 'requestToSpeak');
    await ok('a.keller', 'nextSpeaker');
    await ok('j.brandt', 'passFloor');

    const floor = await gql<{ sitting: { procedure: { floor: { person: { name: string }; talkingStick: boolean; graceEndsAt: string | null } | null } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { procedure { floor { person { name } talkingStick graceEndsAt } } } }`,
      {},
      { cookie: cookies['a.keller']! },
    );
    const f = floor.body.data!.sitting.procedure.floor!;
    expect(f.person.name).toBe('Leonie Vogel');
    expect(f.talkingStick).toBe(true);
    expect(f.graceEndsAt).not.toBeNull();

    const end = Date.now() + 12_000;
    let ended: { by?: string }[] = [];
    while (Date.now() < end) {
      const record = await loadRecord(t.app.database.db, S);
      ended = record.flatMap((e) => (e.event.kind === 'floor.ended' ? [e.event] : []));
      if (ended.some((e) => e.by === 'grace_expired')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ended.map((e) => e.by ?? 'chair')).toEqual(['passed', 'grace_expired']);
    await new Promise((r) => setTimeout(r, 1000));
    const again = (await loadRecord(t.app.database.db, S)).filter((e) => e.event.kind === 'floor.ended');
    expect(again).toHaveLength(2);
  });
});
