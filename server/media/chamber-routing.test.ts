// The chamber's routing rules on real processes: FFmpeg plays Opus into plain transports as the
// participants' microphones and booth feeds; each listener's consumers forward to a UDP socket
// of ours, where packets are counted per consumer (mediasoup gives every consumer its own SSRC).
// Every rule is checked both ways: who receives packets, and who receives none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaError } from './errors';
import type { ConsumerInfo, MediaNotification } from './media-protocol';
import { MediaRegistry } from './media-registry';
import { workerPidOf } from './router-set';
import { RtpReceiver, opusParameters } from './rtp-probe';
import { SittingMedia } from './sitting-media';
import { FfmpegFeed, type FeedTarget } from '../../test/support/ffmpeg-feed';
import { DUCKED_FLOOR_GAIN, EMPTY_FLOOR, type Booth, type Channel, type FloorState, type ListenerChoice, type MediaParticipant } from './topology';
import { WorkerPool, type WorkerReplacedEvent } from './worker-pool';
import type { Role } from '../db/database';

const log = createLogger('silent');
/** Ports of this file only (other media tests use 42000–46999). */
const ROUTING_PORTS = { min: 41000, max: 41499 };
const DEATH_PORTS = { min: 41500, max: 41999 };
const listenOn = (portRange: { min: number; max: number }) => ({ ip: '127.0.0.1', announcedAddress: undefined, portRange });

/** A route "receives" with at least this many packets in the window (FFmpeg sends ~50/s). */
const MIN_PACKETS = 10;
/** Packets already on their way when a producer pauses have arrived after this. */
const SETTLE_MS = 120;
/** How long a route must stay without packets to count as silent. */
const SILENCE_MS = 600;
const MAX_WAIT_MS = 2_000;

const FLOOR: Channel = { kind: 'floor' };
const FR: Channel = { kind: 'interpretation', language: 'fr' };
const EN: Channel = { kind: 'interpretation', language: 'en' };
const GREEN: Channel = { kind: 'subroom', subroomId: 'green' };
const NO_CHOICE: ListenerChoice = { language: null, sign: false };

const boothFr: Booth = { id: 'booth-fr', language: 'fr', kind: 'spoken' };
const boothEn: Booth = { id: 'booth-en', language: 'en', kind: 'spoken' };
const person = (id: string, roles: Role[], booth: Booth | null = null): MediaParticipant => ({ id, roles, booth });

const chair = person('chair', ['chair', 'member']);
const mod = person('mod', ['moderator']);
const guest = person('guest', ['podium_guest']);
const [m1, m2, m3, m4] = ['m1', 'm2', 'm3', 'm4'].map((id) => person(id, ['member'])) as [
  MediaParticipant,
  MediaParticipant,
  MediaParticipant,
  MediaParticipant,
];
const frA = person('fr-a', ['interpreter'], boothFr);
const frB = person('fr-b', ['interpreter'], boothFr);
const enA = person('en-a', ['interpreter'], boothEn);
const clerk = person('clerk', ['clerk']);
/** A listener who picked French. */
const clerkFr = person('clerk-fr', ['clerk']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One listener's UDP socket and the consumers forwarding to it, by label. */
class Sink {
  readonly consumers = new Map<string, ConsumerInfo & { ssrc: number }>();

  private constructor(
    private readonly media: SittingMedia,
    readonly peerId: string,
    private readonly transportId: string,
    private readonly rx: RtpReceiver,
  ) {}

  static async open(media: SittingMedia, peerId: string): Promise<Sink> {
    const rx = await RtpReceiver.open();
    const t = await media.createPlainTransport(peerId, { comedia: false });
    await media.connectTransport(peerId, t.id, rx.address);
    return new Sink(media, peerId, t.id, rx);
  }

  /** Consumes the producer as the client would (paused, then resumed) and labels the consumer. */
  async hear(label: string, producerId: string): Promise<ConsumerInfo> {
    const info = await this.media.consume(this.peerId, this.transportId, producerId);
    await this.media.consumer(this.peerId, info.id).resume();
    this.consumers.set(label, { ...info, ssrc: info.rtpParameters.encodings![0]!.ssrc! });
    return info;
  }

  /** Packets that arrived through the labelled consumer so far. */
  count(label: string): number {
    const c = this.consumers.get(label);
    if (!c) throw new Error(`${this.peerId} has no consumer labelled ${label}`);
    return this.rx.packets.get(c.ssrc) ?? 0;
  }

  close(): void {
    this.rx.close();
  }
}

type Route = readonly [Sink, string];

/**
 * Waits until every `hears` route got MIN_PACKETS new packets and at least SILENCE_MS passed,
 * then expects exactly that: the `hears` routes received, the `silent` ones received nothing.
 */
async function expectFlow(hears: readonly Route[], silent: readonly Route[]): Promise<void> {
  await sleep(SETTLE_MS);
  const key = ([sink, label]: Route) => `${sink.peerId} <- ${label}`;
  const all = [...hears, ...silent];
  const start = new Map(all.map((r) => [key(r), r[0].count(r[1])]));
  const delta = (r: Route) => r[0].count(r[1]) - start.get(key(r))!;
  const began = Date.now();
  while (Date.now() - began < MAX_WAIT_MS) {
    await sleep(20);
    if (Date.now() - began >= SILENCE_MS && hears.every((r) => delta(r) >= MIN_PACKETS)) break;
  }
  const verdict = (r: Route) => {
    const n = delta(r);
    return n >= MIN_PACKETS ? 'receives' : n === 0 ? 'nothing' : `${n} packets`;
  };
  expect(Object.fromEntries(all.map((r) => [key(r), verdict(r)]))).toEqual({
    ...Object.fromEntries(hears.map((r) => [key(r), 'receives'])),
    ...Object.fromEntries(silent.map((r) => [key(r), 'nothing'])),
  });
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
}

/** A producer of `peerId` on its own comedia plain transport: where FFmpeg is to send it. */
async function feedProducer(media: SittingMedia, peerId: string, channel: Channel, ssrc: number): Promise<{ id: string; target: FeedTarget }> {
  const t = await media.createPlainTransport(peerId, { comedia: true });
  const { id } = await media.produce(peerId, t.id, { kind: 'audio', rtpParameters: opusParameters(ssrc), channel, source: 'microphone' });
  return { id, target: { port: t.port, ssrc } };
}

/** Polls until the check holds or the deadline passes; says whether it held. */
async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(20);
  return check();
}

describe('chamber routing on real workers, fed by FFmpeg', () => {
  /** Always in force here: a subroom "green" of m3 and m4; booths on air with fr-a and en-a. */
  const BASE: FloorState = {
    ...EMPTY_FLOOR,
    liveInterpreters: new Map([
      ['booth-fr', 'fr-a'],
      ['booth-en', 'en-a'],
    ]),
    subrooms: new Map([
      ['m3', 'green'],
      ['m4', 'green'],
    ]),
  };
  let pool: WorkerPool;
  let media: SittingMedia;
  let feed: FfmpegFeed | undefined;
  const notes: [string, MediaNotification][] = [];
  const sinks: Sink[] = [];
  /** Producer ids by label: 'chair' … 'm3' on the floor, 'fr-a', 'fr-b', 'en-a', 'green:m3', 'green:m4'. */
  const producers = new Map<string, string>();
  const producer = (label: string) => producers.get(label)!;
  let toClerk: Sink, toClerkFr: Sink, toM3: Sink, toM4: Sink, toFrA: Sink, toFrB: Sink;

  const apply = (patch: Partial<FloorState>) => media.setFloor({ ...BASE, ...patch });
  const sink = async (peerId: string) => {
    const s = await Sink.open(media, peerId);
    sinks.push(s);
    return s;
  };
  /** Notifications sent from now on. */
  const mark = () => {
    const from = notes.length;
    return () => notes.slice(from);
  };

  beforeAll(async () => {
    pool = await WorkerPool.create({ workers: 2, rtcMinPort: ROUTING_PORTS.min, rtcMaxPort: ROUTING_PORTS.max, logLevel: 'silent' }, log);
    // Six peers per router: the listeners land on a second router, on the other worker, and
    // hear the floor through pipes, as in a full chamber.
    media = await SittingMedia.create({ sittingId: 'routing', pool, log, listen: listenOn(ROUTING_PORTS), peersPerRouter: 6 });
    media.on('notify', (peerId, n) => notes.push([peerId, n]));
    for (const p of [chair, mod, guest, m1, m2, m3, m4, frA, frB, enA, clerk]) await media.join(p, media.rtpCapabilities, NO_CHOICE);
    await media.join(clerkFr, media.rtpCapabilities, { language: 'fr', sign: false });
    await media.setFloor(BASE);

    const feeds: [label: string, peerId: string, channel: Channel][] = [
      ['chair', 'chair', FLOOR],
      ['mod', 'mod', FLOOR],
      ['guest', 'guest', FLOOR],
      ['m1', 'm1', FLOOR],
      ['m2', 'm2', FLOOR],
      ['m3', 'm3', FLOOR],
      ['fr-a', 'fr-a', FR],
      ['fr-b', 'fr-b', FR],
      ['en-a', 'en-a', EN],
      ['green:m3', 'm3', GREEN],
      ['green:m4', 'm4', GREEN],
    ];
    const targets: FeedTarget[] = [];
    for (const [i, [label, peerId, channel]] of feeds.entries()) {
      const { id, target } = await feedProducer(media, peerId, channel, 0x5000 + i);
      producers.set(label, id);
      targets.push(target);
    }
    feed = FfmpegFeed.start(targets);

    toClerk = await sink('clerk');
    for (const label of ['chair', 'mod', 'guest', 'm1', 'm2', 'm3']) await toClerk.hear(label, producer(label));
    toClerkFr = await sink('clerk-fr');
    for (const label of ['m1', 'fr-a', 'fr-b']) await toClerkFr.hear(label, producer(label));
    toM3 = await sink('m3');
    await toM3.hear('green:m4', producer('green:m4'));
    toM4 = await sink('m4');
    for (const label of ['m1', 'green:m3']) await toM4.hear(label, producer(label));
    toFrA = await sink('fr-a');
    await toFrA.hear('fr-b', producer('fr-b'));
    toFrB = await sink('fr-b');
    for (const label of ['m1', 'fr-a']) await toFrB.hear(label, producer(label));

    // The chair is live from the start: FFmpeg is up once the clerk hears them.
    if (!(await until(() => toClerk.count('chair') >= 5, 10_000))) throw new Error(`FFmpeg feeds did not arrive; FFmpeg said: ${feed.stderr || '(nothing)'}`);
  });

  afterAll(async () => {
    await feed?.stop();
    for (const s of sinks) s.close();
    media?.close();
    await pool?.close();
  });

  it('lets every listener of the floor hear the holder of the floor, and nobody else who lacks it', async () => {
    expect(media.stats()).toMatchObject({ routers: 2 });
    expect(media.stats().pipes).toBeGreaterThan(0);
    await apply({ speakers: ['m1'] });
    // Floor ducked under a chosen language and in a subroom; interpreters hear it at full volume.
    expect([toClerk, toClerkFr, toM4, toFrB].map((s) => s.consumers.get('m1')!.gain)).toEqual([1, DUCKED_FLOOR_GAIN, DUCKED_FLOOR_GAIN, 1]);
    await expectFlow(
      [
        [toClerk, 'chair'],
        [toClerk, 'mod'],
        [toClerk, 'guest'],
        [toClerk, 'm1'],
        [toClerkFr, 'm1'],
        [toM4, 'm1'],
        [toFrB, 'm1'],
      ],
      [
        [toClerk, 'm2'],
        [toClerk, 'm3'],
      ],
    );
    expect(feed!.stderr).toBe('');
  });

  it('moves the floor: granting it to m2 pauses m1 and resumes m2', async () => {
    await apply({ speakers: ['m1'] });
    const since = mark();
    await apply({ speakers: ['m2'] });
    expect(since()).toEqual(
      expect.arrayContaining([
        ['m1', { method: 'producerLive', data: { producerId: producer('m1'), live: false, held: 'no_floor' } }],
        ['m2', { method: 'producerLive', data: { producerId: producer('m2'), live: true, held: null } }],
        ['clerk', { method: 'producerLive', data: { producerId: producer('m1'), live: false, held: 'no_floor' } }],
        ['clerk', { method: 'producerLive', data: { producerId: producer('m2'), live: true, held: null } }],
      ]),
    );
    await expectFlow(
      [
        [toClerk, 'm2'],
        [toClerk, 'chair'],
      ],
      [
        [toClerk, 'm1'],
        [toClerkFr, 'm1'],
        [toFrB, 'm1'],
      ],
    );
  });

  it('lets both be heard during an interjection', async () => {
    await apply({ speakers: ['m1', 'm2'] });
    await expectFlow(
      [
        [toClerk, 'm1'],
        [toClerk, 'm2'],
      ],
      [[toClerk, 'm3']],
    );
  });

  it('"mute all" spares the chair, the moderator and the podium guest', async () => {
    await apply({ speakers: ['m1'], mutedAll: true });
    await expectFlow(
      [
        [toClerk, 'chair'],
        [toClerk, 'mod'],
        [toClerk, 'guest'],
      ],
      [
        [toClerk, 'm1'],
        [toClerk, 'm2'],
        [toClerk, 'm3'],
        [toM4, 'm1'],
      ],
    );
    // The next grant lifts it.
    await apply({ speakers: ['m1'] });
    await expectFlow([[toClerk, 'm1']], [[toClerk, 'm2']]);
  });

  it('sends an interpretation channel to who picked its language, from the interpreter on air only', async () => {
    await apply({ speakers: ['m1'] });
    await expectFlow(
      [
        [toClerkFr, 'fr-a'],
        [toClerkFr, 'm1'],
        [toFrB, 'fr-a'],
      ],
      [[toClerkFr, 'fr-b']],
    );
    expect(toClerkFr.consumers.get('fr-a')!.gain).toBe(1);
    // No language picked, or another one: no consumer at all.
    await rejectsWith(toClerk.hear('fr-a', producer('fr-a')), 'media.not_allowed');
    await rejectsWith(toClerkFr.hear('en-a', producer('en-a')), 'media.not_allowed');
  });

  it('hands the booth over: the listener keeps its consumers and now receives from the new interpreter', async () => {
    await apply({ speakers: ['m1'] });
    const before = media.stats().consumers;
    const since = mark();
    await apply({ speakers: ['m1'], liveInterpreters: new Map([...BASE.liveInterpreters, ['booth-fr', 'fr-b']]) });
    expect(since()).toEqual(
      expect.arrayContaining([
        ['clerk-fr', { method: 'producerLive', data: { producerId: producer('fr-a'), live: false, held: 'not_on_air' } }],
        ['clerk-fr', { method: 'producerLive', data: { producerId: producer('fr-b'), live: true, held: null } }],
      ]),
    );
    expect(since().filter(([peer, n]) => peer === 'clerk-fr' && (n.method === 'consumerClosed' || n.method === 'planChanged'))).toEqual([]);
    expect(media.stats().consumers).toBe(before);
    // fr-a, now off air, follows the partner in the booth's channel.
    await expectFlow(
      [
        [toClerkFr, 'fr-b'],
        [toFrA, 'fr-b'],
      ],
      [
        [toClerkFr, 'fr-a'],
        [toFrB, 'fr-a'],
      ],
    );
    // And back.
    await apply({ speakers: ['m1'] });
    await expectFlow(
      [
        [toClerkFr, 'fr-a'],
        [toFrB, 'fr-a'],
      ],
      [
        [toClerkFr, 'fr-b'],
        [toFrA, 'fr-b'],
      ],
    );
  });

  it('gives a relaying booth the relay channel and ducks its floor; lifting the relay closes that consumer', async () => {
    await apply({ speakers: ['m1'] });
    const toEnA = await sink('en-a');
    await rejectsWith(toEnA.hear('fr-a', producer('fr-a')), 'media.not_allowed');

    await apply({ speakers: ['m1'], relays: new Map([['booth-en', 'fr']]) });
    expect((await toEnA.hear('fr-a', producer('fr-a'))).gain).toBe(1);
    expect((await toEnA.hear('m1', producer('m1'))).gain).toBe(DUCKED_FLOOR_GAIN);
    await expectFlow(
      [
        [toEnA, 'fr-a'],
        [toEnA, 'm1'],
      ],
      [],
    );

    const since = mark();
    await apply({ speakers: ['m1'] });
    const relayConsumer = toEnA.consumers.get('fr-a')!.id;
    expect(since()).toContainEqual(['en-a', { method: 'consumerClosed', data: { consumerId: relayConsumer } }]);
    await expectFlow([[toEnA, 'm1']], [[toEnA, 'fr-a']]);
  });

  it('lets a subroom hear itself and the floor, while the floor does not hear the subroom', async () => {
    await apply({ speakers: ['m1'] });
    await expectFlow(
      [
        [toM4, 'green:m3'],
        [toM3, 'green:m4'],
        [toM4, 'm1'],
      ],
      // m3 talks in the subroom; their floor microphone stays closed.
      [[toClerk, 'm3']],
    );
    expect(toM4.consumers.get('m1')!.gain).toBe(DUCKED_FLOOR_GAIN);
    const toChair = await sink('chair');
    await rejectsWith(toChair.hear('green:m3', producer('green:m3')), 'media.not_allowed');
    await rejectsWith(toClerk.hear('green:m3', producer('green:m3')), 'media.not_allowed');
    await rejectsWith(toClerkFr.hear('green:m4', producer('green:m4')), 'media.not_allowed');
  });

  it('keeps a self-muted microphone closed though it has the floor; the server never unmutes it', async () => {
    await apply({ speakers: ['m1'] });
    expect(await media.setSelfMuted('m1', producer('m1'), true)).toEqual({ live: false, held: 'self_muted' });
    await expectFlow(
      [[toClerk, 'chair']],
      [
        [toClerk, 'm1'],
        [toM4, 'm1'],
      ],
    );

    // The floor passes and comes back: still muted.
    await apply({ speakers: ['m2'] });
    const since = mark();
    await apply({ speakers: ['m1'] });
    // Only the owner hears of it, and only that the reason is their own mute again; never "live".
    expect(since().filter(([, n]) => n.method === 'producerLive' && n.data.producerId === producer('m1'))).toEqual([
      ['m1', { method: 'producerLive', data: { producerId: producer('m1'), live: false, held: 'self_muted' } }],
    ]);
    await expectFlow([[toClerk, 'chair']], [[toClerk, 'm1']]);

    expect(await media.setSelfMuted('m1', producer('m1'), false)).toEqual({ live: true, held: null });
    await expectFlow(
      [
        [toClerk, 'm1'],
        [toM4, 'm1'],
      ],
      [[toClerk, 'm2']],
    );
  });
});

describe('worker death and rebuild through the MediaRegistry', () => {
  const SITTING = 'death';
  const PREPARED: FloorState = { ...EMPTY_FLOOR, speakers: ['m1'] };
  let pool: WorkerPool;
  let registry: MediaRegistry;
  const prepared: SittingMedia[] = [];
  const feeds: FfmpegFeed[] = [];
  const sinks: Sink[] = [];

  beforeAll(async () => {
    // One worker: the rebuilt media can only land on its replacement.
    pool = await WorkerPool.create({ workers: 1, rtcMinPort: DEATH_PORTS.min, rtcMaxPort: DEATH_PORTS.max, logLevel: 'silent' }, log);
    registry = new MediaRegistry({
      pool,
      log,
      listen: listenOn(DEATH_PORTS),
      // What the chamber bridge does: apply the procedure's floor before anyone joins.
      prepare: async (media) => {
        prepared.push(media);
        await media.setFloor(PREPARED);
      },
    });
  });

  afterAll(async () => {
    for (const f of feeds) await f.stop();
    for (const s of sinks) s.close();
    await registry?.close();
    await pool?.close();
  });

  /** m1 (who has the floor) and m2 speak through FFmpeg; the clerk listens to both. */
  async function populate(media: SittingMedia): Promise<Sink> {
    for (const p of [m1, m2, clerk]) await media.join(p, media.rtpCapabilities, NO_CHOICE);
    const a = await feedProducer(media, 'm1', FLOOR, 0x6001);
    const b = await feedProducer(media, 'm2', FLOOR, 0x6002);
    feeds.push(FfmpegFeed.start([a.target, b.target]));
    const s = await Sink.open(media, 'clerk');
    sinks.push(s);
    await s.hear('m1', a.id);
    await s.hear('m2', b.id);
    return s;
  }

  it('closes the media with worker_died, tells the peers, and rebuilds it with the same floor on the replacement', async () => {
    const media = await registry.getOrCreate(SITTING);
    expect(media.floorState.speakers).toEqual(['m1']);
    const notes: [string, MediaNotification][] = [];
    media.on('notify', (peerId, n) => notes.push([peerId, n]));
    const first = await populate(media);
    expect(await until(() => first.count('m1') >= 5, 10_000)).toBe(true);
    await expectFlow([[first, 'm1']], [[first, 'm2']]);

    const closed = new Promise((resolve) => media.once('close', resolve));
    const replaced = new Promise<WorkerReplacedEvent>((resolve) => pool.once('workerreplaced', resolve));
    const pid = workerPidOf(media.routers.primary);
    expect((await pool.health()).workers.map((w) => w.pid)).toEqual([pid]);
    process.kill(pid, 'SIGKILL');

    expect(await closed).toBe('worker_died');
    expect(media.isClosed).toBe(true);
    for (const peer of ['m1', 'm2', 'clerk']) expect(notes).toContainEqual([peer, { method: 'mediaClosed', data: { reason: 'worker_died' } }]);
    expect(registry.get(SITTING)).toBeUndefined();
    await rejectsWith(media.join(m1, media.rtpCapabilities, NO_CHOICE), 'media.closed');
    const { oldPid, newPid } = await replaced;
    expect(oldPid).toBe(pid);
    await feeds[0]!.stop();

    const again = await registry.getOrCreate(SITTING);
    expect(again).not.toBe(media);
    expect(workerPidOf(again.routers.primary)).toBe(newPid);
    expect(prepared).toEqual([media, again]);
    expect(again.floorState).toEqual(PREPARED);
    expect(again.stats()).toMatchObject({ peers: 0, producers: 0, consumers: 0 });

    // Everyone rejoins: the floor still belongs to m1.
    const second = await populate(again);
    expect(await until(() => second.count('m1') >= 5, 10_000)).toBe(true);
    await expectFlow([[second, 'm1']], [[second, 'm2']]);
  });
});
