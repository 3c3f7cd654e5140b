/**
 * Takes the program's media out of mediasoup and into FFmpeg. On the source's tap (a
 * DirectTransport on the sitting's primary router) it consumes the producers the plan picks
 * (pipes bring those of other routers over); their RTP arrives in Node, where each slot
 * re-stamps it onto its own unbroken stream and sends it to FFmpeg's port on loopback.
 *
 * Why in Node rather than with FFmpeg reading plain transports directly: a floor change must not
 * restart FFmpeg, and FFmpeg stalls on an input that goes quiet (a paused microphone) and
 * breaks on one whose timestamps jump (a new speaker). Slots make both impossible.
 */
import dgram from 'node:dgram';
import { EventEmitter, once } from 'node:events';
import type { types } from 'mediasoup';
import { ProducerDirectory } from './producer-directory';
import type { ProgramLayout } from './program-layout';
import { planProgram, type ProgramCast, type SlotPlan } from './program-plan';
import type { Logger, ProgramSource, ProgramTap } from './program-port';
import { programSdp } from './program-sdp';
import { ProgramSlot, VIDEO_TIMING, type SlotSource } from './program-slot';
import { SilenceFiller, VideoLoopFiller } from './slot-fillers';
import { findFreePortPairs, type PortRange } from './udp-ports';

export interface ProgramFillers {
  /** VP8 frames of the program slate, looped at the program's frame rate. */
  readonly slate: readonly Buffer[];
  /** VP8 frames of the tiny inset that hides the sign-language picture. */
  readonly emptyInset: readonly Buffer[];
}

export interface ProgramFeedOptions {
  readonly fillers: ProgramFillers;
  /** Loopback UDP ports FFmpeg may listen on. */
  readonly ports: PortRange;
  readonly log: Logger;
}

export interface ProgramFeedEvents {
  switched: [slot: string, sourceId: string | null, waitedMs: number];
}

const VIDEO_PT = 96;
const OPUS_PT = 111;
/** How often the slots' fillers and key-frame retries run. */
const TICK_MS = 10;

/** One consumer on the DirectTransport, shared by the slots that use its producer. */
class ConsumerSource implements SlotSource {
  consumer: types.Consumer | null = null;
  closed = false;
  constructor(readonly id: string) {}

  requestKeyFrame(): void {
    if (this.consumer?.kind === 'video' && !this.consumer.closed) this.consumer.requestKeyFrame().catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.consumer?.close();
  }
}

export class ProgramFeed extends EventEmitter<ProgramFeedEvents> {
  private readonly sources = new Map<string, ConsumerSource>();
  private cast: ProgramCast = { speakerPeerId: null, chairPeerId: null };
  private plan: SlotPlan | undefined;
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private detached = false;

  static async create(media: ProgramSource, layout: ProgramLayout, opts: ProgramFeedOptions): Promise<ProgramFeed> {
    const tap = await media.openTap({ maxMessageSize: 262_144, appData: { program: true } });
    const socket = dgram.createSocket('udp4');
    try {
      socket.bind(0, '127.0.0.1');
      await once(socket, 'listening');
      const ports = await findFreePortPairs(2 + layout.floorSlots + layout.audio.length - 1, opts.ports);
      return new ProgramFeed(media, layout, opts, tap, socket, ports);
    } catch (error) {
      tap.transport.close();
      socket.close();
      throw error;
    }
  }

  /** In FFmpeg's input order: program video, sign video, floor microphones, interpretations. */
  readonly slots: readonly ProgramSlot[];
  readonly sdp: string;
  private readonly directory: ProducerDirectory;

  private constructor(
    media: ProgramSource,
    private readonly layout: ProgramLayout,
    private readonly opts: ProgramFeedOptions,
    private readonly tap: ProgramTap,
    private readonly socket: dgram.Socket,
    readonly ports: readonly number[],
  ) {
    super();
    const fps = layout.video.fps;
    let index = 0;
    const slot = (name: string, kind: 'audio' | 'video', filler: VideoLoopFiller | SilenceFiller) => {
      const port = ports[index]!;
      const s = new ProgramSlot(
        { name, kind, payloadType: kind === 'video' ? VIDEO_PT : OPUS_PT, clockRate: kind === 'video' ? 90_000 : 48_000, ssrc: 0x504c0000 + index++ },
        filler,
        (packet) => this.socket.send(packet, port, '127.0.0.1'),
      );
      s.on('switched', (sourceId, waited) => {
        this.opts.log.debug('slot switched', { slot: name, source: sourceId, waitedMs: waited });
        this.releaseUnused();
        this.emit('switched', name, sourceId, waited);
      });
      return s;
    };
    this.slots = [
      slot('program', 'video', new VideoLoopFiller(opts.fillers.slate, 90_000 / fps)),
      slot('sign', 'video', new VideoLoopFiller(opts.fillers.emptyInset, 90_000 / fps)),
      ...Array.from({ length: layout.floorSlots }, (_, i) => slot(`floor${i}`, 'audio', new SilenceFiller())),
      ...layout.audio.slice(1).map((a) => slot(`interpretation:${a.interpretation}`, 'audio', new SilenceFiller())),
    ];
    this.sdp = programSdp(
      this.slots.map((s, i) => ({
        kind: s.spec.kind,
        port: ports[i]!,
        payloadType: s.spec.payloadType,
        encoding: s.spec.kind === 'video' ? 'VP8/90000' : 'opus/48000/2',
      })),
    );
    socket.on('error', (error) => opts.log.warn('program socket error', { error }));
    // FFmpeg's RTCP receiver reports come back to this socket; nothing here needs them.
    socket.on('message', () => undefined);
    this.directory = new ProducerDirectory(media);
    this.directory.on('changed', () => this.replan());
    // The sitting's media closed (its worker died): the program goes on with the slate and silence.
    tap.transport.observer.once('close', () => this.detach());
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const s of this.slots) s.tick(now);
    }, TICK_MS);
  }

  /**
   * Puts `cast` on the program. Resolves when the picture shows it (the new camera's key frame
   * arrived) or, if that takes too long, once the slate stands in; the lower third waits for this.
   */
  setCast(cast: ProgramCast): Promise<void> {
    this.cast = cast;
    if (this.detached) return Promise.resolve();
    this.replan();
    const video = this.slots[0]!;
    const target = this.plan?.video ?? null;
    if (target === null || video.liveSourceId === target) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        video.off('switched', onSwitch);
        resolve();
      };
      const onSwitch = (sourceId: string | null) => {
        if (sourceId === target) done();
      };
      const timer = setTimeout(done, VIDEO_TIMING.keyFrameTimeoutMs + 200);
      video.on('switched', onSwitch);
    });
  }

  /** FFmpeg listens: every slot starts its stream now, on one shared time zero. */
  open(now = Date.now()): void {
    for (const s of this.slots) s.open(now);
  }

  /** FFmpeg is gone: nothing is sent until the next open(). */
  pause(): void {
    for (const s of this.slots) s.close();
  }

  get currentPlan(): SlotPlan | undefined {
    return this.plan;
  }

  close(): void {
    if (this.closed) return;
    this.detach();
    this.closed = true;
    clearInterval(this.timer);
    this.socket.close();
  }

  /** No more sources (the media is gone or the feed closes): the slots play their fillers. */
  private detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.directory.close();
    const now = Date.now();
    for (const s of this.slots) s.setSource(null, now);
    for (const s of this.sources.values()) s.close();
    this.sources.clear();
    this.tap.transport.close();
  }

  private replan(): void {
    if (this.detached) return;
    const plan = planProgram(
      this.directory.views(),
      this.cast,
      { floorSlots: this.layout.floorSlots, languages: this.layout.audio.slice(1).map((a) => a.interpretation ?? '') },
      this.plan,
    );
    this.plan = plan;
    const now = Date.now();
    const wanted = [plan.video, plan.sign, ...plan.floor, ...this.layout.audio.slice(1).map((a) => plan.interpretations.get(a.interpretation ?? '') ?? null)];
    this.slots.forEach((s, i) => {
      const id = wanted[i] ?? null;
      s.setSource(id === null ? null : this.source(id), now);
    });
    this.releaseUnused();
  }

  /** The consumer of producer `id`, made on first use. */
  private source(id: string): ConsumerSource {
    let source = this.sources.get(id);
    if (source) return source;
    source = new ConsumerSource(id);
    this.sources.set(id, source);
    this.consume(source).catch((error: unknown) => {
      this.opts.log.warn('consume() | the program could not consume a producer', { producer: id, error });
      if (this.sources.get(id) === source) this.sources.delete(id);
    });
    return source;
  }

  private async consume(source: ConsumerSource): Promise<void> {
    const found = this.directory.get(source.id);
    if (!found) throw new Error(`producer ${source.id} is gone`);
    await this.tap.reach(found);
    const consumer = await this.tap.transport.consume({
      producerId: source.id,
      rtpCapabilities: programCapabilities(this.tap.rtpCapabilities),
      paused: false,
      appData: { program: true },
    });
    if (source.closed || this.detached) {
      consumer.close();
      return;
    }
    source.consumer = consumer;
    consumer.on('rtp', (packet) => {
      const now = Date.now();
      for (const s of this.slots) s.push(source.id, packet, now);
    });
    // The first packets of a new video consumer are what a slot waits for: ask at once.
    source.requestKeyFrame();
  }

  /** Closes consumers no slot uses or waits for any more. */
  private releaseUnused(): void {
    const used = new Set(this.slots.flatMap((s) => s.sourceIds));
    for (const [id, source] of this.sources) {
      if (used.has(id)) continue;
      source.close();
      this.sources.delete(id);
    }
  }
}

/** What the program can take: Opus and VP8 only (the SDP's codecs), no RTX, no header extensions. */
function programCapabilities(caps: types.RtpCapabilities): types.RtpCapabilities {
  const codecs = (caps.codecs ?? []).filter((c) => c.mimeType.toLowerCase() === 'audio/opus' || c.mimeType.toLowerCase() === 'video/vp8');
  return { codecs, headerExtensions: [] };
}
