// Order measures enforced by the media: the procedure's own fold (the domain's commands, as the
// chair gives them) is mapped with floorStateOf and applied to real mediasoup workers, with real
// RTP over loopback. Needs the worker binary (scripts/postinstall.mjs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_ARRANGEMENTS } from '../domain/arrangements';
import { Chamber, chair as chairId, sittingContext } from '../domain/procedure/spec-support';
import { createLogger } from '../log';
import { MediaError } from './errors';
import { floorStateOf } from './floor-state';
import type { MediaNotification } from './media-protocol';
import { RtpReceiver, RtpSender, opusParameters } from './rtp-probe';
import { SittingMedia } from './sitting-media';
import type { MediaParticipant } from './topology';
import { WorkerPool } from './worker-pool';

const log = createLogger('silent');
const portRange = { min: 43000, max: 43499 };
const listen = { ip: '127.0.0.1', announcedAddress: undefined, portRange };
const NO_CHOICE = { language: null, sign: false };
const speaker: MediaParticipant = { id: 'j.brandt', roles: ['member'], booth: null };
const clerk: MediaParticipant = { id: 'clerk', roles: ['clerk'], booth: null };

let pool: WorkerPool;
const open: { close(): void }[] = [];

beforeAll(async () => {
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: portRange.min, rtcMaxPort: portRange.max, logLevel: 'silent' }, log);
});
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});
afterAll(async () => {
  await pool.close();
});

/** A sitting in debate with j.brandt on the floor, its media joined by him (a hall feed stands for his microphone) and a clerk who listens. */
async function debate() {
  const c = new Chamber(sittingContext()).open();
  c.run(chairId, { kind: 'agenda.call', agendaItemId: 'item-2' });
  c.run(chairId, { kind: 'floor.grant', requestId: null, personId: 'j.brandt', limitSeconds: 300 });
  const media = await SittingMedia.create({ sittingId: 's-order', pool, log, listen });
  open.push(media);
  const notes: [string, MediaNotification][] = [];
  media.on('notify', (peerId, n) => notes.push([peerId, n]));
  const apply = () => media.setFloor(floorStateOf(c.state, NO_ARRANGEMENTS));
  await apply();
  await media.join(speaker, media.rtpCapabilities, NO_CHOICE);
  await media.join(clerk, media.rtpCapabilities, NO_CHOICE);
  const t = await media.createPlainTransport(speaker.id, { comedia: true });
  const mic = await media.produce(speaker.id, t.id, { kind: 'audio', rtpParameters: opusParameters(5151), channel: { kind: 'floor' }, source: 'hall' });
  const sender = new RtpSender(5151, t);
  open.push(sender);
  const rx = await RtpReceiver.open();
  open.push(rx);
  const tap = await media.createPlainTransport(clerk.id, { comedia: false });
  await media.connectTransport(clerk.id, tap.id, rx.address);
  const consumer = await media.consume(clerk.id, tap.id, mic.id);
  await media.consumer(clerk.id, consumer.id).resume();
  const producer = () => media.programProducers().find((p) => p.producer.id === mic.id)?.producer;
  return { c, media, notes, apply, mic, sender, rx, producer };
}

describe('order measures in the media', () => {
  it('a withdrawn floor pauses the speaker’s microphone at once: nothing more reaches the chamber', async () => {
    const { c, apply, mic, sender, rx, producer, notes } = await debate();
    expect(mic.live).toBe(true);
    await sender.send(20);
    expect(await rx.waitFor(20)).toBe(20);

    for (let i = 0; i < 3; i++) c.run(chairId, { kind: 'order.call_to_point', personId: 'j.brandt', reason: null });
    await apply();
    expect(producer()?.paused).toBe(false); // calls alone leave the microphone open
    c.run(chairId, { kind: 'order.withdraw_floor', reason: null });
    await apply();
    expect(producer()?.paused).toBe(true);
    expect(notes).toContainEqual(['j.brandt', { method: 'producerLive', data: { producerId: mic.id, live: false, held: 'no_floor' } }]);
    await sender.send(20);
    expect(await rx.waitFor(21, 400)).toBe(20);
  });

  it('an individual mute holds the microphone even with the floor, until unmuted', async () => {
    const { c, apply, mic, sender, rx, producer, notes } = await debate();
    c.run(chairId, { kind: 'order.mute', personId: 'j.brandt' });
    await apply();
    expect(producer()?.paused).toBe(true);
    expect(notes).toContainEqual(['j.brandt', { method: 'producerLive', data: { producerId: mic.id, live: false, held: 'muted_by_chair' } }]);
    await sender.send(10);
    expect(await rx.waitFor(1, 300)).toBe(0);
    c.run(chairId, { kind: 'order.unmute', personId: 'j.brandt' });
    await apply();
    expect(producer()?.paused).toBe(false);
    await sender.send(10);
    expect(await rx.waitFor(10)).toBe(10);
  });

  it('an excluded member’s peer is closed at once and a rejoin is refused', async () => {
    const { c, media, apply, mic, notes, producer } = await debate();
    c.run(chairId, { kind: 'order.exclude', personId: 'j.brandt', sittingDays: 2, reason: null });
    await apply();
    expect(media.has('j.brandt')).toBe(false);
    expect(producer()).toBeUndefined();
    expect(notes).toContainEqual(['j.brandt', { method: 'mediaClosed', data: { reason: 'excluded' } }]);
    expect(notes).toContainEqual(['clerk', { method: 'producerRemoved', data: { producerId: mic.id } }]);
    const rejoin = await media.join(speaker, media.rtpCapabilities, NO_CHOICE).then(
      () => null,
      (e: unknown) => e,
    );
    expect(rejoin).toBeInstanceOf(MediaError);
    expect((rejoin as MediaError).code).toBe('media.excluded');
    // Upheld on objection, the member may come back.
    const exclusionId = Object.keys(c.state.order.exclusions)[0]!;
    c.run(chairId, { kind: 'order.record_objection', exclusionId, text: null });
    c.run(chairId, { kind: 'order.decide_objection', exclusionId, upheld: true, note: null });
    await apply();
    await expect(media.join(speaker, media.rtpCapabilities, NO_CHOICE)).resolves.toBeDefined();
  });
});
