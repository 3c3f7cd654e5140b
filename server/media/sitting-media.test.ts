// Runs real mediasoup workers and real RTP over loopback: hall feeds into plain transports,
// consumers forwarding to UDP sockets. Needs the worker binary (scripts/postinstall.mjs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaError } from './errors';
import type { MediaNotification } from './media-protocol';
import { RtpReceiver, RtpSender, opusParameters } from './rtp-probe';
import { SittingMedia } from './sitting-media';
import { workerPidOf } from './router-set';
import { EMPTY_FLOOR, type Channel, type FloorState, type MediaParticipant } from './topology';
import { WorkerPool } from './worker-pool';

const log = createLogger('silent');
const portRange = { min: 42000, max: 42999 };
const listen = { ip: '127.0.0.1', announcedAddress: undefined, portRange };
const FLOOR: Channel = { kind: 'floor' };
const NO_CHOICE = { language: null, sign: false };

const chair: MediaParticipant = { id: 'chair', roles: ['chair', 'member'], booth: null };
const member = (id: string): MediaParticipant => ({ id, roles: ['member'], booth: null });
const clerk: MediaParticipant = { id: 'clerk', roles: ['clerk'], booth: null };
const frInterpreter: MediaParticipant = { id: 'fr-a', roles: ['interpreter'], booth: { id: 'booth-fr', language: 'fr', kind: 'spoken' } };
const floor = (patch: Partial<FloorState>): FloorState => ({ ...EMPTY_FLOOR, ...patch });

let pool: WorkerPool;
const open: { close(): void }[] = [];

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 2, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
});
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});
afterAll(async () => {
  await pool.close();
});

async function sitting(peersPerRouter?: number): Promise<{ media: SittingMedia; notes: [string, MediaNotification][] }> {
  const media = await SittingMedia.create({ sittingId: 's1', pool, log, listen, ...(peersPerRouter ? { peersPerRouter } : {}) });
  const notes: [string, MediaNotification][] = [];
  media.on('notify', (peerId, n) => notes.push([peerId, n]));
  open.push(media);
  return { media, notes };
}

async function join(media: SittingMedia, p: MediaParticipant, choice = NO_CHOICE) {
  return media.join(p, media.rtpCapabilities, choice);
}

/** A hall feed (mixing desk) of `peerId` publishing Opus into `channel` through a plain transport. */
async function hallFeed(media: SittingMedia, peerId: string, ssrc: number, channel: Channel = FLOOR) {
  const t = await media.createPlainTransport(peerId, { comedia: true });
  const produced = await media.produce(peerId, t.id, { kind: 'audio', rtpParameters: opusParameters(ssrc), channel, source: 'hall' });
  const sender = new RtpSender(ssrc, t);
  open.push(sender);
  return { ...produced, sender };
}

/** `peerId` consumes the producer into a local UDP socket; returns the socket's counter. */
async function tap(media: SittingMedia, peerId: string, producerId: string) {
  const rx = await RtpReceiver.open();
  open.push(rx);
  const t = await media.createPlainTransport(peerId, { comedia: false });
  await media.connectTransport(peerId, t.id, rx.address);
  const consumer = await media.consume(peerId, t.id, producerId);
  await media.consumer(peerId, consumer.id).resume();
  return { rx, consumer };
}

async function rejects(p: Promise<unknown> | (() => unknown), code: string): Promise<void> {
  const run = typeof p === 'function' ? Promise.resolve().then(p) : p;
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
}

describe('SittingMedia', () => {
  it("keeps a member's microphone closed until the floor is granted, and closes it when the floor passes", async () => {
    const { media, notes } = await sitting();
    await join(media, member('m1'));
    await join(media, clerk);
    const feed = await hallFeed(media, 'm1', 1111);
    expect(feed.live).toBe(false);
    const { rx } = await tap(media, 'clerk', feed.id);

    await feed.sender.send(20);
    expect(await rx.waitFor(1, 300)).toBe(0);

    await media.setFloor(floor({ speakers: ['m1'] }));
    expect(notes).toContainEqual(['m1', { method: 'producerLive', data: { producerId: feed.id, live: true, held: null } }]);
    expect(notes).toContainEqual(['clerk', { method: 'producerLive', data: { producerId: feed.id, live: true, held: null } }]);
    await feed.sender.send(20);
    expect(await rx.waitFor(20)).toBe(20);

    await media.setFloor(floor({ speakers: ['m2'] }));
    await feed.sender.send(20);
    expect(await rx.waitFor(21, 300)).toBe(20);
    expect(notes).toContainEqual(['clerk', { method: 'consumerPaused', data: expect.objectContaining({}) }]);
  });

  it('keeps the chair live through "mute all"', async () => {
    const { media } = await sitting();
    await join(media, chair);
    await join(media, clerk);
    const feed = await hallFeed(media, 'chair', 2222);
    await media.setFloor(floor({ mutedAll: true }));
    const { rx } = await tap(media, 'clerk', feed.id);
    await feed.sender.send(10);
    expect(await rx.waitFor(10)).toBe(10);
  });

  it("refuses to publish outside a participant's role", async () => {
    const { media } = await sitting();
    await join(media, clerk);
    await join(media, frInterpreter);
    await rejects(hallFeed(media, 'clerk', 1, FLOOR), 'media.not_allowed');
    await rejects(hallFeed(media, 'fr-a', 2, { kind: 'interpretation', language: 'en' }), 'media.not_allowed');
    const ok = await hallFeed(media, 'fr-a', 3, { kind: 'interpretation', language: 'fr' });
    expect(ok.live).toBe(false); // not the live interpreter of the booth yet
  });

  it('lets a listener consume an interpretation only after choosing its language, and drops it on a change', async () => {
    const { media, notes } = await sitting();
    await join(media, frInterpreter);
    const m1 = await join(media, member('m1'));
    expect(m1.plan).toEqual([{ channel: 'floor', gain: 1 }]);
    const fr = await hallFeed(media, 'fr-a', 3333, { kind: 'interpretation', language: 'fr' });
    await rejects(tap(media, 'm1', fr.id), 'media.not_allowed');

    media.setChoice('m1', { language: 'fr', sign: false });
    const changed = notes.find(([peer, n]) => peer === 'm1' && n.method === 'planChanged');
    expect(changed?.[1]).toMatchObject({ data: { producers: [{ producerId: fr.id, channel: 'interpretation:fr', gain: 1, live: false }] } });
    const { rx, consumer } = await tap(media, 'm1', fr.id);
    await media.setFloor(floor({ liveInterpreters: new Map([['booth-fr', 'fr-a']]) }));
    await fr.sender.send(10);
    expect(await rx.waitFor(10)).toBe(10);

    media.setChoice('m1', NO_CHOICE);
    expect(notes).toContainEqual(['m1', { method: 'consumerClosed', data: { consumerId: consumer.id } }]);
    expect(media.stats().consumers).toBe(0);
  });

  it("lets a subroom hear itself while the floor does not, and ends a member's subroom producer when they leave it", async () => {
    const { media, notes } = await sitting();
    for (const p of [chair, member('m1'), member('m2')]) await join(media, p);
    await media.setFloor(
      floor({
        subrooms: new Map([
          ['m1', 'green'],
          ['m2', 'green'],
        ]),
      }),
    );
    const green = await hallFeed(media, 'm1', 4444, { kind: 'subroom', subroomId: 'green' });
    expect(green.live).toBe(true);
    expect(notes).toContainEqual(['m2', { method: 'producerAdded', data: expect.objectContaining({ producerId: green.id, gain: 1 }) }]);
    expect(notes.some(([peer, n]) => peer === 'chair' && n.method === 'producerAdded')).toBe(false);
    await rejects(tap(media, 'chair', green.id), 'media.not_allowed');
    const { rx } = await tap(media, 'm2', green.id);
    await green.sender.send(10);
    expect(await rx.waitFor(10)).toBe(10);

    await media.setFloor(floor({ subrooms: new Map([['m2', 'green']]) }));
    expect(media.stats().producers).toBe(0);
    expect(notes).toContainEqual(['m2', { method: 'producerRemoved', data: { producerId: green.id } }]);
  });

  it('grows a router on the other worker when the first is full, and pipes the floor to it', async () => {
    const { media } = await sitting(2);
    await join(media, chair);
    await join(media, clerk);
    await join(media, member('m1')); // the third peer does not fit on the first router
    const [first, second] = media.routers.routers;
    expect(second).toBeDefined();
    expect(workerPidOf(second!)).not.toBe(workerPidOf(first!));

    const feed = await hallFeed(media, 'chair', 5555);
    const { rx } = await tap(media, 'm1', feed.id);
    await feed.sender.send(20);
    expect(await rx.waitFor(20)).toBe(20);
    expect(media.stats()).toMatchObject({ peers: 3, routers: 2, pipes: 1 });
  });

  it('closes once, tells every peer, and refuses work afterwards', async () => {
    const { media, notes } = await sitting();
    await join(media, chair);
    const closes: string[] = [];
    media.on('close', (reason) => closes.push(reason));
    media.close();
    media.close();
    expect(closes).toEqual(['closed']);
    expect(notes).toContainEqual(['chair', { method: 'mediaClosed', data: { reason: 'closed' } }]);
    expect(media.routers.primary.closed).toBe(true);
    await rejects(join(media, clerk), 'media.closed');
  });

  it('names the missing peer, transport or producer', async () => {
    const { media } = await sitting();
    await rejects(media.createWebRtcTransport('nobody', 'send'), 'media.not_joined');
    await join(media, clerk);
    await rejects(join(media, clerk), 'media.already_joined');
    await rejects(media.consume('clerk', 'no-such-transport', 'x'), 'media.transport_not_found');
    const t = await media.createPlainTransport('clerk', { comedia: false });
    await rejects(media.consume('clerk', t.id, 'no-such-producer'), 'media.producer_not_found');
    await rejects(() => media.consumer('clerk', 'no-such-consumer'), 'media.consumer_not_found');
  });

  it('closes the sittings of a worker that died; the next media comes up on its replacement', async () => {
    const own = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
    try {
      const media = await SittingMedia.create({ sittingId: 's2', pool: own, log, listen });
      await join(media, chair);
      const notes: MediaNotification[] = [];
      media.on('notify', (_peer, n) => notes.push(n));
      const closed = new Promise((resolve) => media.once('close', resolve));
      const replaced = new Promise<{ oldPid: number; newPid: number }>((resolve) => own.once('workerreplaced', resolve));
      const pid = workerPidOf(media.routers.primary);
      process.kill(pid, 'SIGKILL');
      expect(await closed).toBe('worker_died');
      expect(notes).toContainEqual({ method: 'mediaClosed', data: { reason: 'worker_died' } });
      const { oldPid, newPid } = await replaced;
      expect(oldPid).toBe(pid);
      const again = await SittingMedia.create({ sittingId: 's2', pool: own, log, listen });
      expect(workerPidOf(again.routers.primary)).toBe(newPid);
      again.close();
    } finally {
      await own.close();
    }
  });
});
