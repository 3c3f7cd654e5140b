// The whole server with one real media worker: a hostile member over the media socket is held to
// its quotas while another member joins, produces and consumes; /readyz names what runs out
// (migrations, WebRTC ports, media workers) and /healthz stays 200 but stops saying "ok".
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { connectMediaPeer, type MediaPeer } from '../../test/support/media-peer';
import { loginSession } from '../../test/support/oidc-login';
import { opusParameters } from '../media/rtp-probe';

const S = 'sitting-42';
/** Ten WebRTC ports (below the kernel's ephemeral range, so no stray socket takes one): a hostile peer's four and a good one's two leave four, the least a new peer needs. */
const RTC = { min: 31500, max: 31509 };

interface Probe {
  readonly status: number;
  readonly body: { status: string; ready?: boolean; failing: Record<string, string>; checks: Record<string, { ok: boolean; peers?: number }> };
}

describe('readiness under a hostile media peer', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  const probe = async (path: '/readyz' | '/healthz'): Promise<Probe> => {
    const res = await fetch(`${t.baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as Probe['body'] };
  };
  /** Polls until the probe answers `status` (reports are reused for a second). */
  const until = async (path: '/readyz' | '/healthz', check: (p: Probe) => boolean): Promise<Probe> => {
    const end = Date.now() + 4_000;
    let last = await probe(path);
    while (!check(last) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      last = await probe(path);
    }
    return last;
  };
  const peer = (who: string): Promise<MediaPeer> =>
    connectMediaPeer(`${t.baseUrl.replace('http', 'ws')}/media?sitting=${S}`, { cookie: cookies[who]!, origin: t.baseUrl });
  async function joined(who: string): Promise<MediaPeer> {
    const p = await peer(who);
    const caps = (await p.request('getRouterRtpCapabilities')).data;
    expect(await p.request('join', { rtpCapabilities: caps })).toMatchObject({ ok: true });
    return p;
  }
  const transport = async (p: MediaPeer, direction: 'send' | 'recv') => {
    const r = await p.request('createWebRtcTransport', { direction });
    expect(r).toMatchObject({ ok: true });
    return String(r.data!['id']);
  };

  beforeAll(async () => {
    // Three peers fill the one worker: the third one makes the instance unready.
    t = await startTestApp({
      env: { MEDIA_WORKERS: '1', MEDIA_PEERS_PER_WORKER: '3', RTC_MIN_PORT: String(RTC.min), RTC_MAX_PORT: String(RTC.max), BROADCAST: 'off' },
    });
    for (const u of ['a.keller', 'j.brandt', 'l.vogel']) cookies[u] = (await loginSession(t.baseUrl, u)).cookie;
    const open = await gql<{ r: { __typename: string } }>(
      t.baseUrl,
      `mutation { r: openSitting(sittingId: "${S}") { __typename } }`,
      {},
      { cookie: cookies['a.keller']! },
    );
    expect(open.body.data?.r.__typename).toBe('MutationOpenSittingSuccess');
  }, 240_000);
  afterAll(() => t?.stop());

  it('is ready with its database, schema, worker and ports, and says so on both probes', async () => {
    const ready = await probe('/readyz');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready', failing: {} } });
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'media', 'migrations', 'rtcPorts']);
    expect(await probe('/healthz')).toMatchObject({ status: 200, body: { status: 'ok', ready: true } });
  });

  it('names migrations that are not applied', async () => {
    const db = t.app.database.db;
    const { rows } = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(db);
    const latest = rows[0]!;
    await sql`delete from kysely_migration where name = ${latest.name}`.execute(db);
    try {
      const r = await until('/readyz', (p) => p.status === 503);
      expect(r).toMatchObject({ status: 503, body: { status: 'not_ready', failing: { migrations: `1 migrations not applied: ${latest.name}` } } });
      expect(await probe('/healthz')).toMatchObject({ status: 200, body: { status: 'degraded', ready: false } });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latest.name}, ${latest.timestamp})`.execute(db);
    }
    expect((await until('/readyz', (p) => p.status === 200)).status).toBe(200);
  });

  it('holds a hostile member to its quotas; another member joins, produces and consumes; exhausted ports make it unready', async () => {
    const hostile = await joined('j.brandt');
    // Transports in a loop until refused: the fifth is over the quota of four.
    const made: string[] = [];
    let refusal: unknown;
    for (let i = 0; i < 10 && refusal === undefined; i++) {
      const r = await hostile.request('createWebRtcTransport', { direction: i % 2 ? 'recv' : 'send' });
      if (r.ok) made.push(String(r.data!['id']));
      else refusal = r.error;
    }
    expect(made).toHaveLength(4);
    expect(refusal).toMatchObject({ code: 'media.quota_exceeded', message: expect.stringContaining('4 WebRTC transports') });
    const [send, recv] = made as [string, string];
    // Producers: one microphone on the floor; the loop's second is refused.
    const first = await hostile.request('produce', {
      transportId: send,
      kind: 'audio',
      rtpParameters: opusParameters(7001),
      channel: { kind: 'floor' },
      source: 'microphone',
    });
    expect(first).toMatchObject({ ok: true });
    const second = await hostile.request('produce', {
      transportId: send,
      kind: 'audio',
      rtpParameters: opusParameters(7002),
      channel: { kind: 'floor' },
      source: 'microphone',
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'media.quota_exceeded' } });

    // The good member: in the same sitting, joins, produces, consumes the hostile one, and is consumed.
    const good = await joined('l.vogel');
    const goodSend = await transport(good, 'send');
    const goodRecv = await transport(good, 'recv');
    const goodMic = await good.request('produce', {
      transportId: goodSend,
      kind: 'audio',
      rtpParameters: opusParameters(8001),
      channel: { kind: 'floor' },
      source: 'microphone',
    });
    expect(goodMic).toMatchObject({ ok: true });
    const heard = await good.request('consume', { transportId: goodRecv, producerId: first.data!['id'] });
    expect(heard).toMatchObject({ ok: true, data: { kind: 'audio' } });
    expect(await good.request('resumeConsumer', { consumerId: heard.data!['id'] })).toMatchObject({ ok: true });
    // Consumers: the hostile one takes the good microphone once; again, it is refused.
    expect(await hostile.request('consume', { transportId: recv, producerId: goodMic.data!['id'] })).toMatchObject({ ok: true });
    expect(await hostile.request('consume', { transportId: recv, producerId: goodMic.data!['id'] })).toMatchObject({
      ok: false,
      error: { code: 'media.quota_exceeded' },
    });
    expect(t.app.mediaRegistry!.get(S)!.stats()).toMatchObject({ peers: 2, producers: 2, consumers: 2 });
    const health = await t.app.media!.health();
    expect(health.workers).toMatchObject([{ alive: true, replaced: 0 }]);

    // Two peers of three, six of ten ports taken and four left: still ready. A third peer with a
    // transport fills the worker and leaves too few ports for a fourth.
    // NOTE: reports are reused for a second; wait for one made after the joins.
    expect(await until('/readyz', (p) => p.body.checks['media']?.peers === 2)).toMatchObject({
      status: 200,
      body: { checks: { rtcPorts: { ok: true, free: 4 }, media: { ok: true, peers: 2, capacity: 3 } } },
    });
    const chair = await joined('a.keller');
    await transport(chair, 'send');
    const exhausted = await until('/readyz', (p) => p.status === 503 && Object.keys(p.body.failing).length === 2);
    expect(exhausted).toMatchObject({
      status: 503,
      body: {
        status: 'not_ready',
        failing: {
          rtcPorts: `WebRTC port range ${RTC.min}–${RTC.max} exhausted: 3 free, a peer needs 4`,
          media: 'media peers at capacity: 3 of 3 (1 live workers × 3)',
        },
      },
    });
    expect(await probe('/healthz')).toMatchObject({ status: 200, body: { status: 'degraded', ready: false, failing: { rtcPorts: expect.any(String) } } });
    // The chair leaves: the port is free again, and so is the instance.
    chair.ws.close();
    expect(await until('/readyz', (p) => p.status === 200)).toMatchObject({ status: 200, body: { checks: { media: { peers: 2 }, rtcPorts: { free: 4 } } } });
    hostile.ws.close();
    good.ws.close();
  });

  it('turns unready and names the media workers when they are gone, while /healthz stays 200', async () => {
    await t.app.media!.close();
    const r = await until('/readyz', (p) => p.status === 503);
    expect(r).toMatchObject({ status: 503, body: { status: 'not_ready', failing: { media: 'the media workers are closed' } } });
    expect(r.body.checks['database']).toMatchObject({ ok: true });
    expect(await probe('/healthz')).toMatchObject({
      status: 200,
      body: { status: 'degraded', live: true, ready: false, failing: { media: 'the media workers are closed' } },
    });
  });
});
