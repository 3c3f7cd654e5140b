import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { loginSession } from '../../test/support/oidc-login';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';
import type { FloorState } from '../media/topology';

// The chamber end to end inside the server: the media socket's sign-in and sitting checks, the
// floor state that procedure mutations and chamber mutations give the sitting's media, subroom
// and booth rules over GraphQL, and the media closing with the sitting.

const S = 'sitting-42';
type Headers = Record<string, string>;

const mediaPeer = (t: TestApp, cookie: string | null, sitting = S): Promise<MediaPeer> =>
  connectMediaPeer(`${t.baseUrl.replace('http', 'ws')}/media?sitting=${sitting}`, cookie ? { cookie } : {});

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

async function mutate(t: TestApp, who: Headers, field: string, args = '', select = '__typename') {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on RuleViolation { rule } ... on Error { code message } ... on ${success} { data { ${select} } } } }`;
  const res = await gql<{ r: { __typename: string; rule?: string; code?: string; data?: Record<string, unknown> } }>(t.baseUrl, q, {}, who);
  if (res.body.errors) return { __typename: 'GraphQLError', code: res.body.errors[0]?.extensions?.code, data: undefined, rule: undefined };
  return res.body.data!.r;
}
async function ok(t: TestApp, who: Headers, field: string, args = '', select = '__typename') {
  const r = await mutate(t, who, field, args, select);
  if (!r.__typename.endsWith('Success')) throw new Error(`${field} refused: ${JSON.stringify(r)}`);
  return r.data!;
}

describe('the chamber over the media socket and GraphQL', () => {
  let t: TestApp;
  const who: Record<string, { cookie: string; id: string }> = {};
  const h = (u: string): Headers => ({ cookie: who[u]!.cookie });
  const floor = (): FloorState => t.app.mediaRegistry!.get(S)!.floorState;

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1', RTC_MIN_PORT: '47000', RTC_MAX_PORT: '47499', BROADCAST: 'off' } });
    for (const u of ['a.keller', 'j.brandt', 'l.vogel', 'minister', 'interpreter.en1', 'interpreter.en2', 'clerk']) {
      const { cookie } = await loginSession(t.baseUrl, u);
      const me = await gql<{ me: { person: { id: string } } }>(t.baseUrl, '{ me { person { id } } }', {}, { cookie });
      who[u] = { cookie, id: me.body.data!.me.person.id };
    }
  }, 60_000);
  afterAll(() => t?.stop());

  it('refuses the media socket without a session, and before the sitting opens', async () => {
    expect(await (await mediaPeer(t, null)).closed).toBe(4001);
    expect(await (await mediaPeer(t, who['j.brandt']!.cookie)).closed).toBe(4001);
    expect(await (await mediaPeer(t, who['j.brandt']!.cookie, 'no-such-sitting')).closed).toBe(4001);
  });

  it('gives the media the floor as procedure decides it: grant, interjection, mute all, next grant', async () => {
    await ok(t, h('a.keller'), 'openSitting');
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${S}") { agenda { id } } }`, {}, h('a.keller'));
    await ok(t, h('a.keller'), 'callAgendaItem', `agendaItemId: "${agenda.body.data!.sitting.agenda[0]!.id}"`);
    for (const u of ['a.keller', 'j.brandt', 'l.vogel']) await ok(t, h(u), 'joinSitting');

    const vogel = await mediaPeer(t, who['l.vogel']!.cookie);
    const caps = (await vogel.request('getRouterRtpCapabilities')).data!;
    const joined = await vogel.request('join', { rtpCapabilities: caps, language: 'en', sign: false });
    expect(joined.ok).toBe(true);
    expect(joined.data!['floor']).toEqual({ speakers: [], mutedAll: false, onAir: {}, relays: {} });
    expect(joined.data!['plan']).toEqual([
      { channel: 'floor', gain: 0.2 },
      { channel: 'interpretation:en', gain: 1 },
    ]);
    expect(await (await fetch(`${t.baseUrl}/metrics`)).text()).toContain('plenum_media_objects{kind="peers"} 1');
    expect(await vogel.request('closeConsumer', { consumerId: 'nope' })).toMatchObject({ ok: false, error: { code: 'media.consumer_not_found' } });
    const available = await gql<{ sitting: { chamber: { mediaAvailable: boolean } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { chamber { mediaAvailable } } }`,
      {},
      h('l.vogel'),
    );
    expect(available.body.data!.sitting.chamber.mediaAvailable).toBe(true);

    await ok(t, h('j.brandt'), 'requestToSpeak');
    await ok(t, h('a.keller'), 'nextSpeaker');
    expect(await until(() => floor().speakers.join() === who['j.brandt']!.id)).toBe(true);
    expect(
      await until(() => vogel.notifications.some((n) => n.notification === 'floorChanged' && (n.data['speakers'] as string[])[0] === who['j.brandt']!.id)),
    ).toBe(true);

    // An interjection question: the asker is heard beside the speaker while it runs.
    const req = await gql<{ sitting: { procedure: { floor: { requestId: string } } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { procedure { floor { requestId } } } }`,
      {},
      h('l.vogel'),
    );
    const asked = await ok(
      t,
      h('l.vogel'),
      'requestToSpeak',
      `kind: INTERJECTION, addressesRequestId: "${req.body.data!.sitting.procedure.floor.requestId}"`,
      'floor { pendingInterjections { requestId } }',
    );
    const interjection = (asked['floor'] as { pendingInterjections: { requestId: string }[] }).pendingInterjections[0]!.requestId;
    await ok(t, h('j.brandt'), 'acceptInterjection', `requestId: "${interjection}"`);
    expect(await until(() => floor().speakers.join() === [who['j.brandt']!.id, who['l.vogel']!.id].join())).toBe(true);
    await ok(t, h('a.keller'), 'endInterjection');
    expect(await until(() => floor().speakers.length === 1)).toBe(true);

    // Members may not silence the chamber; the chair may, and the next grant lifts it.
    expect((await mutate(t, h('j.brandt'), 'muteAll')).code).toBe('FORBIDDEN');
    const muted = await ok(t, h('a.keller'), 'muteAll', '', 'mutedAll');
    expect(muted['mutedAll']).toBe(true);
    expect(await until(() => floor().mutedAll)).toBe(true);
    await ok(t, h('a.keller'), 'grantFloor', `personId: "${who['l.vogel']!.id}"`);
    expect(await until(() => !floor().mutedAll && floor().speakers.join() === who['l.vogel']!.id)).toBe(true);
    vogel.ws.close();
  });

  it('puts an interpreter on air, hands over to the partner in one action, and relays another channel', async () => {
    const select = 'booths { booth { id } onAir { username } relayLanguage }';
    const boothEn = (d: Record<string, unknown>) =>
      (d['booths'] as { booth: { id: string }; onAir: { username: string } | null; relayLanguage: string | null }[]).find((b) => b.booth.id === 'en')!;
    expect((await mutate(t, h('j.brandt'), 'handOverBooth')).rule).toBe('forbidden.not_interpreter');
    expect(boothEn(await ok(t, h('interpreter.en1'), 'handOverBooth', '', select)).onAir?.username).toBe('interpreter.en1');
    expect(floor().liveInterpreters.get('en')).toBe(who['interpreter.en1']!.id);
    // Either side hands over: the one on air gives it, the partner takes it.
    expect(boothEn(await ok(t, h('interpreter.en1'), 'handOverBooth', '', select)).onAir?.username).toBe('interpreter.en2');
    expect(boothEn(await ok(t, h('interpreter.en1'), 'handOverBooth', '', select)).onAir?.username).toBe('interpreter.en1');
    expect(await until(() => floor().liveInterpreters.get('en') === who['interpreter.en1']!.id)).toBe(true);

    expect((await mutate(t, h('interpreter.en2'), 'setBoothSource', 'relayLanguage: "en"')).rule).toBe('booth.relay_own_language');
    expect((await mutate(t, h('interpreter.en2'), 'setBoothSource', 'relayLanguage: "EN!"')).__typename).toBe('InputError');
    expect((await mutate(t, h('interpreter.en2'), 'setBoothSource', 'relayLanguage: "it"')).rule).toBe('booth.no_such_channel');
    expect(boothEn(await ok(t, h('interpreter.en2'), 'setBoothSource', 'relayLanguage: "fr"', select)).relayLanguage).toBe('fr');
    expect(await until(() => floor().relays.get('en') === 'fr')).toBe(true);
    await ok(t, h('interpreter.en2'), 'setBoothSource', 'relayLanguage: null');
    expect(await until(() => !floor().relays.has('en'))).toBe(true);
  });

  it('keeps subrooms to a faction, private to those in or invited, and listed to the chair', async () => {
    const faction = async (u: string) =>
      (await gql<{ me: { person: { faction: { id: string } | null } } }>(t.baseUrl, '{ me { person { faction { id } } } }', {}, h(u))).body.data!.me.person
        .faction?.id;
    const brandtFaction = await faction('j.brandt');
    const people = await gql<{ people: { id: string; username: string; faction: { id: string } | null; roles: string[] }[] }>(
      t.baseUrl,
      '{ people { id username faction { id } roles } }',
      {},
      h('a.keller'),
    );
    const colleague = people.body.data!.people.find((p) => p.faction?.id === brandtFaction && p.username !== 'j.brandt' && p.roles.includes('MEMBER'))!;
    const stranger = people.body.data!.people.find((p) => p.faction && p.faction.id !== brandtFaction && p.roles.includes('MEMBER'))!;

    expect((await mutate(t, h('j.brandt'), 'openSubroom', `name: "Consultation", invitees: ["${stranger.id}"]`)).rule).toBe('subroom.other_faction');
    expect((await mutate(t, h('j.brandt'), 'openSubroom', 'name: "  "')).__typename).toBe('InputError');
    expect((await mutate(t, h('minister'), 'openSubroom', 'name: "Guests"')).rule).toBe('forbidden.not_member');
    const opened = await ok(
      t,
      h('j.brandt'),
      'openSubroom',
      `name: "Consultation", invitees: ["${colleague.id}"]`,
      'mySubroom { id members { username } invited { id } }',
    );
    const room = opened['mySubroom'] as { id: string; members: { username: string }[]; invited: { id: string }[] };
    expect(room.members.map((m) => m.username)).toEqual(['j.brandt']);
    expect(room.invited.map((p) => p.id)).toEqual([colleague.id]);
    expect(await until(() => floor().subrooms.get(who['j.brandt']!.id) === room.id)).toBe(true);

    const list = async (u: string) =>
      (
        await gql<{ sitting: { chamber: { subrooms: { id: string }[] } } }>(t.baseUrl, `{ sitting(id: "${S}") { chamber { subrooms { id } } } }`, {}, h(u))
      ).body.data!.sitting.chamber.subrooms.map((r) => r.id);
    expect(await list('a.keller')).toEqual([room.id]);
    expect(await list('l.vogel')).toEqual([]);
    expect((await mutate(t, h('l.vogel'), 'acceptSubroomInvitation', `subroomId: "${room.id}"`)).rule).toBe('subroom.not_invited');
    expect((await mutate(t, h('l.vogel'), 'closeSubroom', `subroomId: "${room.id}"`)).rule).toBe('forbidden.subroom_owner');

    // The last one out closes it; the media hears of each step.
    await ok(t, h('j.brandt'), 'leaveSubroom', `subroomId: "${room.id}"`);
    expect(await list('a.keller')).toEqual([]);
    expect(await until(() => floor().subrooms.size === 0)).toBe(true);
  });

  it("closes the sitting's media when the sitting closes, telling every peer", async () => {
    const brandt = await mediaPeer(t, who['j.brandt']!.cookie);
    const caps = (await brandt.request('getRouterRtpCapabilities')).data!;
    expect((await brandt.request('join', { rtpCapabilities: caps, language: null, sign: false })).ok).toBe(true);
    await ok(t, h('a.keller'), 'closeSitting');
    expect(await until(() => brandt.notifications.some((n) => n.notification === 'mediaClosed' && n.data['reason'] === 'closed'))).toBe(true);
    expect(t.app.mediaRegistry!.get(S)).toBeUndefined();
    expect((await mutate(t, h('interpreter.en1'), 'handOverBooth')).rule).toBe('sitting.not_open');
    brandt.ws.close();
  });
});
