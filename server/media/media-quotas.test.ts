// A hostile peer against the signalling table and a real worker: what it may hold is bounded,
// each refusal is typed and changes nothing, the worker lives on, and the others go on as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaError } from './errors';
import { DEFAULT_PEER_QUOTAS, MAX_SITTINGS_PER_PERSON, PersonRates, RATES } from './media-quotas';
import { MediaRegistry } from './media-registry';
import type { ConsumerInfo, TransportInfo } from './media-protocol';
import { opusParameters, vp8SimulcastParameters } from './rtp-probe';
import { handleMediaRequest, type SignallingContext } from './signalling';
import { EMPTY_FLOOR, type MediaParticipant } from './topology';
import { WorkerPool } from './worker-pool';

const log = createLogger('silent');
const portRange = { min: 31000, max: 31499 };
/** As an operator would set MEDIA_MAX_CONSUMERS_PER_PEER, small enough to reach in a test. */
const quotas = { ...DEFAULT_PEER_QUOTAS, consumers: 4 };
const S = 'q1';

let pool: WorkerPool;
let registry: MediaRegistry;
let workerPid: number;

const member = (id: string): MediaParticipant => ({ id, roles: ['member'], booth: null });
const ctx = (p: MediaParticipant, sittingId = S): SignallingContext => ({ registry, sittingId, participant: p });
const call = <T = Record<string, unknown>>(p: MediaParticipant, method: string, data?: unknown, sittingId = S) =>
  handleMediaRequest(ctx(p, sittingId), method, data) as Promise<T>;

/** The answer, or the code of the refusal; anything but a MediaError fails the test. */
async function attempt<T>(p: Promise<T>): Promise<{ code: 'ok'; data: T } | { code: string; data: undefined }> {
  try {
    return { code: 'ok', data: await p };
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    return { code: error.code, data: undefined };
  }
}
/** The code of a refusal, 'ok' when it was not refused. */
const outcome = async (p: Promise<unknown>): Promise<string> => (await attempt(p)).code;
const tally = (codes: readonly string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

let ssrc = 1000;
const mic = (transportId: string) => ({ transportId, kind: 'audio', rtpParameters: opusParameters(ssrc++), channel: { kind: 'floor' }, source: 'microphone' });
const camera = (transportId: string, source = 'camera', channel: unknown = { kind: 'floor' }) => ({
  transportId,
  kind: 'video',
  rtpParameters: vp8SimulcastParameters([ssrc++, ssrc++, ssrc++]),
  channel,
  source,
});

async function joinWith(p: MediaParticipant, sittingId = S) {
  const caps = await call(p, 'getRouterRtpCapabilities', {}, sittingId);
  return call(p, 'join', { rtpCapabilities: caps }, sittingId);
}
const transport = async (p: MediaParticipant, direction: 'send' | 'recv') => (await call<TransportInfo>(p, 'createWebRtcTransport', { direction })).id;
const usage = (p: MediaParticipant) => registry.get(S)!.usage(p.id);

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
  // A clock that stands still: what the buckets allow does not depend on how fast this machine is.
  registry = new MediaRegistry({
    pool,
    log,
    listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange },
    quotas,
    rates: new PersonRates(RATES, () => 0),
  });
  workerPid = (await pool.health()).workers[0]!.pid;
});
afterAll(async () => {
  await registry.close();
  await pool.close();
});

describe('media quotas against a hostile peer', () => {
  let lateConsumer = '';
  const hostile = member('hostile');
  const good = member('good');
  const other = member('other');

  it('bounds transports, producers and consumers with typed refusals, leaves the worker and the others unharmed', async () => {
    const worker = (await pool.health()).workers[0]!;
    await joinWith(good);
    const goodSend = await transport(good, 'send');
    const goodMic = (await call<{ id: string }>(good, 'produce', mic(goodSend))).id;
    await joinWith(hostile);

    // Transports: the rate's whole burst at once gets exactly the quota of 4.
    const n = RATES.transport.burst;
    const burst = await Promise.all(
      Array.from({ length: n }, (_, i) => attempt(call<TransportInfo>(hostile, 'createWebRtcTransport', { direction: i % 2 ? 'recv' : 'send' }))),
    );
    expect(tally(burst.map((r) => r.code))).toEqual({ ok: quotas.transports, 'media.quota_exceeded': n - quotas.transports });
    expect(usage(hostile)).toMatchObject({ webRtcTransports: 4 });
    // Its rate spent, more of the same is refused before any work, and still nothing grows.
    expect(await outcome(call(hostile, 'createWebRtcTransport', { direction: 'send' }))).toBe('media.rate_limited');
    expect(usage(hostile)).toMatchObject({ webRtcTransports: 4 });
    const [send, recv] = burst.flatMap((r) => (r.data ? [r.data.id] : [])) as [string, string];

    // Producers: ten microphones on the floor at once get one; a second one later is refused too.
    const mics = await Promise.all(Array.from({ length: 10 }, () => outcome(call(hostile, 'produce', mic(send)))));
    expect(tally(mics)).toEqual({ ok: 1, 'media.quota_exceeded': 9 });
    expect(await outcome(call(hostile, 'produce', mic(send)))).toBe('media.quota_exceeded');
    // A microphone that carries video is not a microphone.
    expect(await outcome(call(hostile, 'produce', { ...camera(send), source: 'microphone' }))).toBe('media.bad_request');
    expect(await outcome(call(hostile, 'produce', camera(send)))).toBe('ok');
    expect(await outcome(call(hostile, 'produce', camera(send, 'screen')))).toBe('ok');
    // In a subroom, a fourth slot opens; the fifth is over the quota of four producers.
    await registry.get(S)!.setFloor({ ...EMPTY_FLOOR, subrooms: new Map([['hostile', 'green']]) });
    expect(await outcome(call(hostile, 'produce', { ...mic(send), channel: { kind: 'subroom', subroomId: 'green' } }))).toBe('ok');
    expect(await outcome(call(hostile, 'produce', camera(send, 'camera', { kind: 'subroom', subroomId: 'green' })))).toBe('media.quota_exceeded');
    expect(usage(hostile)).toMatchObject({ producers: 4 });

    // Consumers: once per producer, however many ask at once, and at most the quota in all.
    const twice = await Promise.all(
      Array.from({ length: 10 }, () => attempt(call<ConsumerInfo>(hostile, 'consume', { transportId: recv, producerId: goodMic }))),
    );
    expect(tally(twice.map((r) => r.code))).toEqual({ ok: 1, 'media.quota_exceeded': 9 });
    const own = twice.flatMap((r) => (r.data ? [r.data.id] : []));
    await joinWith(other);
    const otherSend = await transport(other, 'send');
    const offered = [
      (await call<{ id: string }>(good, 'produce', camera(goodSend))).id,
      (await call<{ id: string }>(other, 'produce', mic(otherSend))).id,
      (await call<{ id: string }>(other, 'produce', camera(otherSend))).id,
      (await call<{ id: string }>(other, 'produce', camera(otherSend, 'screen'))).id,
    ];
    const more = [];
    for (const producerId of offered) {
      const r = await attempt(call<ConsumerInfo>(hostile, 'consume', { transportId: recv, producerId }));
      more.push(r.code);
      if (r.data) own.push(r.data.id);
    }
    expect(more).toEqual(['ok', 'ok', 'ok', 'media.quota_exceeded']);
    expect(usage(hostile)).toMatchObject({ consumers: 4, producers: 4, webRtcTransports: 4 });

    // Refused, the hostile peer's own media still works: a consumer resumes, a freed slot takes a new one.
    await call(hostile, 'resumeConsumer', { consumerId: own[0] });
    await call(hostile, 'closeConsumer', { consumerId: own[1] });
    expect(await outcome(call(hostile, 'consume', { transportId: recv, producerId: offered[3] }))).toBe('ok');

    // The worker survived all of it, and a well-behaved newcomer joins, produces and consumes.
    const after = (await pool.health()).workers[0]!;
    expect(after).toMatchObject({ pid: worker.pid, alive: true, replaced: 0 });
    expect(after.pid).toBe(workerPid);
    const late = member('late');
    const joined = await joinWith(late);
    expect((joined['producers'] as { peerId: string }[]).map((p) => p.peerId).sort()).toEqual(expect.arrayContaining(['good', 'hostile', 'other']));
    const lateSend = await transport(late, 'send');
    const lateRecv = await transport(late, 'recv');
    expect(await call(late, 'produce', mic(lateSend))).toMatchObject({ live: false, held: 'no_floor' });
    const c = await call<ConsumerInfo>(late, 'consume', { transportId: lateRecv, producerId: goodMic });
    await call(late, 'resumeConsumer', { consumerId: c.id });
    lateConsumer = c.id;
    expect(c).toMatchObject({ producerId: goodMic, kind: 'audio' });
    // And the good peer consumes the hostile one's microphone like anyone else's.
    const goodRecv = await transport(good, 'recv');
    const hostileMic = (joined['producers'] as { peerId: string; producerId: string; source: string; channel: string }[]).find(
      (p) => p.peerId === 'hostile' && p.source === 'microphone' && p.channel === 'floor',
    )!;
    expect(await outcome(call(good, 'consume', { transportId: goodRecv, producerId: hostileMic.producerId }))).toBe('ok');
  });

  it('limits the requests that make work for the worker or for every listener, per person, across reconnects', async () => {
    const keen = member('keen');
    await joinWith(keen);
    const recv = await transport(keen, 'recv');
    const goodMic = registry
      .get(S)!
      .programProducers()
      .find((p) => p.producer.appData.peerId === 'good' && p.producer.kind === 'audio')!.producer.id;
    const { id } = await call<ConsumerInfo>(keen, 'consume', { transportId: recv, producerId: goodMic });
    const frames = await Promise.all(
      Array.from({ length: RATES.keyFrame.burst + 5 }, () => outcome(call(keen, 'requestConsumerKeyFrame', { consumerId: id }))),
    );
    expect(tally(frames)).toEqual({ ok: RATES.keyFrame.burst, 'media.rate_limited': 5 });
    // Leaving and joining again (a new socket does the same) does not refill the bucket.
    await call(keen, 'leave');
    await joinWith(keen);
    const recv2 = await transport(keen, 'recv');
    const again = await call<ConsumerInfo>(keen, 'consume', { transportId: recv2, producerId: goodMic });
    expect(await outcome(call(keen, 'requestConsumerKeyFrame', { consumerId: again.id }))).toBe('media.rate_limited');
    // Someone else's key frames are theirs to ask for.
    const late = member('late');
    expect(await outcome(call(late, 'requestConsumerKeyFrame', { consumerId: lateConsumer }))).toBe('ok');

    // ICE restarts: a handful, then refused; the transport is unchanged.
    const restarts = [];
    for (let i = 0; i < RATES.iceRestart.burst + 2; i++) restarts.push(await outcome(call(keen, 'restartIce', { transportId: recv2 })));
    expect(tally(restarts)).toEqual({ ok: RATES.iceRestart.burst, 'media.rate_limited': 2 });
    expect(usage(keen)).toMatchObject({ webRtcTransports: 1, consumers: 1 });

    // Garbage is charged too: a flood of malformed layer requests runs out of the same bucket.
    const junk = await Promise.all(
      Array.from({ length: RATES.layers.burst + 1 }, () => outcome(call(keen, 'setConsumerPreferredLayers', { consumerId: again.id, spatialLayer: 'x' }))),
    );
    expect(tally(junk)).toEqual({ 'media.bad_request': RATES.layers.burst, 'media.rate_limited': 1 });
  });

  it('bounds the sittings one person takes part in at once', async () => {
    const busy = member('busy');
    const sittings = Array.from({ length: MAX_SITTINGS_PER_PERSON + 1 }, (_, i) => `q-many-${i}`);
    const results = [];
    for (const s of sittings) results.push(await outcome(joinWith(busy, s)));
    expect(results).toEqual([...Array<string>(MAX_SITTINGS_PER_PERSON).fill('ok'), 'media.quota_exceeded']);
    expect(registry.get(sittings.at(-1)!)!.has('busy')).toBe(false);
    // Leaving one makes room.
    await call(busy, 'leave', {}, sittings[0]);
    expect(await outcome(joinWith(busy, sittings.at(-1)))).toBe('ok');
    for (const s of sittings) registry.closeSitting(s);
  });
});

describe('person rates', () => {
  it('refills at its rate and forgets nobody who is still limited', () => {
    let now = 0;
    const rates = new PersonRates({ ...RATES, keyFrame: { burst: 2, perSecond: 1 } }, () => now);
    rates.take('a', 'keyFrame', 'requestConsumerKeyFrame');
    rates.take('a', 'keyFrame', 'requestConsumerKeyFrame');
    expect(() => rates.take('a', 'keyFrame', 'requestConsumerKeyFrame')).toThrow(/at most 1 per second \(burst 2\); retry in 1000 ms/);
    now = 999;
    expect(() => rates.take('a', 'keyFrame', 'requestConsumerKeyFrame')).toThrow(MediaError);
    now = 2_000;
    rates.take('a', 'keyFrame', 'requestConsumerKeyFrame');
    rates.take('b', 'keyFrame', 'requestConsumerKeyFrame');
    expect(rates.size).toBe(2);
  });
});
