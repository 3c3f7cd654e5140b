import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { loginSession } from '../../test/support/oidc-login';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';

// Admission and removal as the media enforce them, with real mediasoup: a member removed by the chair
// loses their peer at once and cannot rejoin; someone not on the roster is refused until admitted from
// the lobby, then joins; a podium guest admitted for one item leaves the media when the chair calls another.

const S = 'sitting-42';
type Headers = Record<string, string>;

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('the lobby and removal in the media', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const h = (u: string): Headers => ({ cookie: cookies[u]! });
  const peerOf = (u: string): Promise<MediaPeer> => connectMediaPeer(`${t.baseUrl.replace('http', 'ws')}/media?sitting=${S}`, h(u));
  const media = () => t.app.mediaRegistry!.get(S)!;

  async function mutate(u: string, field: string, args = '', select = '__typename') {
    const q = `mutation { r: ${field}(${args}) { __typename ... on RuleViolation { rule } ... on Error { code message } ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${select} } } } }`;
    const res = await gql<{ r: { __typename: string; rule?: string; data?: Record<string, unknown> } }>(t.baseUrl, q, {}, h(u));
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data!.r;
  }
  async function ok(u: string, field: string, args = '', select = '__typename') {
    const r = await mutate(u, field, args, select);
    if (!r.__typename.endsWith('Success')) throw new Error(`${field} refused: ${JSON.stringify(r)}`);
    return r.data!;
  }
  async function joinMedia(peer: MediaPeer) {
    const caps = (await peer.request('getRouterRtpCapabilities')).data!;
    return peer.request('join', { rtpCapabilities: caps, language: null, sign: false });
  }
  const lobby = async () =>
    (
      await gql<{ sitting: { lobby: { waiting: { id: string; name: string }[]; admitted: { id: string }[] } } }>(
        t.baseUrl,
        `{ sitting(id: "${S}") { lobby { waiting { id name } admitted { id } } } }`,
        {},
        h('a.keller'),
      )
    ).body.data!.sitting.lobby;

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_WORKERS: '1', RTC_MIN_PORT: '49000', RTC_MAX_PORT: '49499', BROADCAST: 'off' } });
    for (const u of ['a.keller', 'j.brandt', 'it.admin']) cookies[u] = (await loginSession(t.baseUrl, u)).cookie;
    // Parliament IT takes the expert off the roster: from now on an account without a person.
    const people = await gql<{ people: { id: string; username: string }[] }>(t.baseUrl, '{ people { id username } }', {}, h('it.admin'));
    const expert = people.body.data!.people.find((p) => p.username === 'expert')!;
    const deleted = await gql(t.baseUrl, `mutation { deletePerson(id: "${expert.id}") { __typename } }`, {}, h('it.admin'));
    expect(JSON.stringify(deleted.body)).toContain('Success');
    cookies['expert'] = (await loginSession(t.baseUrl, 'expert')).cookie;
    await ok('a.keller', 'openSitting', `sittingId: "${S}"`);
    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${S}") { agenda { id } } }`, {}, h('a.keller'));
    await ok('a.keller', 'callAgendaItem', `sittingId: "${S}", agendaItemId: "${agenda.body.data!.sitting.agenda[1]!.id}"`);
  }, 60_000);
  afterAll(() => t?.stop());

  it('removing a member closes their peer at once; they rejoin neither the media nor the sitting', async () => {
    const me = await gql<{ me: { person: { id: string } } }>(t.baseUrl, '{ me { person { id } } }', {}, h('j.brandt'));
    const brandtId = me.body.data!.me.person.id;
    await ok('j.brandt', 'joinSitting', `sittingId: "${S}"`);
    const brandt = await peerOf('j.brandt');
    expect((await joinMedia(brandt)).ok).toBe(true);
    expect(media().has(brandtId)).toBe(true);

    await ok('a.keller', 'removeParticipant', `sittingId: "${S}", participantId: "${brandtId}", reason: "disorder"`);
    expect(await until(() => !media().has(brandtId))).toBe(true);
    expect(await until(() => brandt.notifications.some((n) => n.notification === 'mediaClosed' && n.data['reason'] === 'removed'))).toBe(true);
    expect(await joinMedia(brandt)).toMatchObject({ ok: false, error: { code: 'media.not_allowed' } });
    expect(await (await peerOf('j.brandt')).closed).toBe(4001);
    expect(await mutate('j.brandt', 'joinSitting', `sittingId: "${S}"`)).toMatchObject({ rule: 'lobby.removed' });
    const my = await gql<{ sitting: { myAdmission: { status: string; reason: string } } }>(
      t.baseUrl,
      `{ sitting(id: "${S}") { myAdmission { status reason } } }`,
      {},
      h('j.brandt'),
    );
    expect(my.body.data!.sitting.myAdmission).toEqual({ status: 'REMOVED', reason: 'disorder' });
  });

  it('someone not on the roster joins the media only once admitted, and a podium guest for one item leaves with it', async () => {
    expect(await (await peerOf('expert')).closed).toBe(4001);
    await ok('expert', 'askToEnter', `sittingId: "${S}"`);
    const [waiting] = (await lobby()).waiting;
    expect(waiting?.id).toMatch(/^account:/);
    expect(await (await peerOf('expert')).closed).toBe(4001);

    await ok('a.keller', 'admitEntrant', `sittingId: "${S}", entrantId: "${waiting!.id}", role: PODIUM_GUEST, currentItemOnly: true`);
    expect((await lobby()).admitted.map((a) => a.id)).toEqual([waiting!.id]);
    const expert = await peerOf('expert');
    expect((await joinMedia(expert)).ok).toBe(true);
    expect(media().has(waiting!.id)).toBe(true);

    const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${S}") { agenda { id } } }`, {}, h('a.keller'));
    await ok('a.keller', 'callAgendaItem', `sittingId: "${S}", agendaItemId: "${agenda.body.data!.sitting.agenda[2]!.id}"`);
    expect(await until(() => !media().has(waiting!.id))).toBe(true);
    expect(await joinMedia(expert)).toMatchObject({ ok: false, error: { code: 'media.not_allowed' } });
  });
});
