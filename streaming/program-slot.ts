/**
 * One input of the program's FFmpeg: a single RTP stream whose SSRC, sequence numbers and
 * timestamps never jump, whichever source feeds it. Sources change (the floor passes, a booth
 * hands over, a camera pauses), the stream FFmpeg sees does not: FFmpeg never restarts on a
 * floor change and its inputs never stall.
 *
 * Every slot keeps its timestamps on one wall-clock timeline that starts when the gate opens
 * (the moment FFmpeg listens), so all slots start at the same instant and stay in step: FFmpeg
 * takes each stream's first packet as time zero, which then means the same for all of them.
 */
import { EventEmitter } from 'node:events';
import { buildRtp, parseRtp, timestampDelta } from './rtp-packet';
import type { Filler } from './slot-fillers';
import { startsVp8KeyFrame } from './vp8-rtp';

export interface SlotSpec {
  /** For logs and FFmpeg's stream order. */
  readonly name: string;
  readonly kind: 'audio' | 'video';
  /** What the SDP announces for this slot. */
  readonly payloadType: number;
  readonly clockRate: number;
  readonly ssrc: number;
}

/** Where packets come from: in the feed, one mediasoup consumer. */
export interface SlotSource {
  readonly id: string;
  requestKeyFrame(): void;
}

export interface SlotTiming {
  /** A source silent this long (paused producer, camera off) is replaced by the filler. */
  readonly silenceMs: number;
  /** Video: how long the old picture stays while the new source's key frame is awaited; then the slate. */
  readonly keyFrameTimeoutMs: number;
  /** Video: how often a key frame is asked for again while one is awaited. */
  readonly keyFrameRetryMs: number;
  /** Timestamps drifting further than this from the wall clock (sender clocks are not ours) are pulled back. */
  readonly maxDriftMs: number;
}

export const AUDIO_TIMING: SlotTiming = { silenceMs: 100, keyFrameTimeoutMs: 0, keyFrameRetryMs: 0, maxDriftMs: 80 };
export const VIDEO_TIMING: SlotTiming = { silenceMs: 1_000, keyFrameTimeoutMs: 1_000, keyFrameRetryMs: 300, maxDriftMs: 80 };

export interface ProgramSlotEvents {
  /** The slot now forwards `sourceId` (null: its filler), `waitedMs` after it was asked to. */
  switched: [sourceId: string | null, waitedMs: number];
}

interface Forwarding {
  readonly source: SlotSource;
  /** Set once the first packet (video: a key frame) re-stamps the source onto the slot's timeline. */
  anchored: boolean;
  tsOffset: number;
  seqOffset: number;
  lastInTs: number;
  lastKeyFrameRequest: number;
  /** Largest (output − wall-clock) timestamp lead seen in the current drift window; ticks. */
  windowLead: number;
  windowStart: number;
}

interface Pending {
  readonly source: SlotSource;
  readonly since: number;
  requestedAt: number;
}

/** How often (ms) the drift of a source's timestamps against the wall clock is judged. */
const DRIFT_WINDOW_MS = 5_000;
/** More than this many frames behind the wall clock, the filler jumps to now instead of catching up. */
const MAX_CATCH_UP_FRAMES = 3;

export class ProgramSlot extends EventEmitter<ProgramSlotEvents> {
  private current: Forwarding | null = null;
  private pending: Pending | null = null;
  private isOpen = false;
  /** Wall clock (ms) and RTP timestamp at which the gate opened. */
  private epochWall = 0;
  private epochTs = 0;
  private lastTs = 0;
  private seq = randomUint(16);
  /** When a source's packet was last forwarded; the filler takes over after `silenceMs`. */
  private lastSourceWall = Number.NEGATIVE_INFINITY;
  private filling = true;
  private forwarded = 0;
  private filled = 0;

  constructor(
    readonly spec: SlotSpec,
    private readonly filler: Filler,
    private readonly send: (packet: Buffer) => void,
    private readonly timing: SlotTiming = spec.kind === 'video' ? VIDEO_TIMING : AUDIO_TIMING,
  ) {
    super();
  }

  /** The sources this slot uses now or is switching to: the feed keeps their consumers. */
  get sourceIds(): readonly string[] {
    return [this.current?.source.id, this.pending?.source.id].filter((id): id is string => id !== undefined);
  }

  /** The source forwarded now; null while the filler plays. */
  get liveSourceId(): string | null {
    return this.filling ? null : (this.current?.source.id ?? null);
  }

  get counters(): { forwarded: number; filled: number } {
    return { forwarded: this.forwarded, filled: this.filled };
  }

  /**
   * Starts sending: FFmpeg listens now. The first packet goes out at once (video: the slate's
   * key frame), so every slot's time zero is this instant.
   */
  open(now: number): void {
    this.isOpen = true;
    this.epochWall = now;
    this.epochTs = randomUint(32);
    this.lastTs = (this.epochTs - this.filler.frameTicks) >>> 0;
    this.lastSourceWall = Number.NEGATIVE_INFINITY;
    if (this.current) this.unanchor(now);
    this.filling = true;
    this.filler.restart();
    this.sendFiller(this.epochTs);
  }

  /** Stops sending (FFmpeg is gone); open() starts a new timeline for the next FFmpeg. */
  close(): void {
    this.isOpen = false;
  }

  /**
   * Feed the slot from `source` (null: the filler). Audio switches at once; video keeps the old
   * picture until the new source's next key frame, asked for now, or `keyFrameTimeoutMs`.
   */
  setSource(source: SlotSource | null, now: number): void {
    if (this.spec.kind === 'audio' || source === null) {
      this.pending = null;
      if (source?.id === this.current?.source.id) return;
      this.current = source ? newForwarding(source) : null;
      if (!source) this.startFiller();
      this.emit('switched', source?.id ?? null, 0);
      return;
    }
    if (source.id === this.current?.source.id) {
      this.pending = null;
      return;
    }
    if (source.id === this.pending?.source.id) return;
    this.pending = { source, since: now, requestedAt: now };
    source.requestKeyFrame();
  }

  /** A packet from one of the feed's sources; ignored unless it is this slot's. */
  push(sourceId: string, packet: Buffer, now: number): void {
    if (!this.isOpen) return;
    if (this.pending?.source.id === sourceId) {
      const rtp = parseRtp(packet);
      if (!rtp || !startsVp8KeyFrame(rtp.payload)) return;
      const waited = now - this.pending.since;
      this.current = newForwarding(this.pending.source);
      this.pending = null;
      this.emit('switched', sourceId, waited);
    }
    const current = this.current;
    if (current?.source.id !== sourceId) return;
    const rtp = parseRtp(packet);
    if (!rtp) return;
    if (current.anchored && Math.abs(timestampDelta(rtp.timestamp, current.lastInTs)) > 5 * this.spec.clockRate) {
      current.anchored = false; // the source's clock jumped (e.g. a new track): re-stamp from here
    }
    if (!current.anchored) {
      if (this.spec.kind === 'video' && !startsVp8KeyFrame(rtp.payload)) {
        this.requestKeyFrame(current, now);
        return;
      }
      const outTs = this.nextTimestamp(now, this.spec.kind === 'audio' ? this.filler.frameTicks : this.spec.clockRate / 1000);
      current.tsOffset = (outTs - rtp.timestamp) | 0;
      current.seqOffset = (this.seq - rtp.sequenceNumber) & 0xffff;
      current.anchored = true;
      current.windowLead = Number.NEGATIVE_INFINITY;
      current.windowStart = now;
    } else if (rtp.timestamp !== current.lastInTs) {
      this.correctDrift(current, rtp.timestamp, now);
    }
    current.lastInTs = rtp.timestamp;
    const timestamp = (rtp.timestamp + current.tsOffset) >>> 0;
    if (this.spec.kind === 'audio' && timestampDelta(timestamp, this.wallTimestamp(now)) > (this.timing.maxDriftMs * this.spec.clockRate) / 1000) {
      // NOTE: a burst (the event loop was held and the source's packets queued): stamped one after
      // another they would run ahead of the wall clock, and timestamps never go back, so the slot
      // would stay ahead for good (measured: audio 0.5 s ahead of the picture). The stale audio is
      // dropped instead, and the source is stamped afresh from the next packet.
      current.anchored = false;
      return;
    }
    const sequenceNumber = (rtp.sequenceNumber + current.seqOffset) & 0xffff;
    this.send(buildRtp({ marker: rtp.marker, payloadType: this.spec.payloadType, sequenceNumber, timestamp, ssrc: this.spec.ssrc }, rtp.payload));
    this.forwarded++;
    if (((sequenceNumber - this.seq) & 0xffff) < 0x8000) this.seq = (sequenceNumber + 1) & 0xffff;
    if (timestampDelta(timestamp, this.lastTs) > 0) this.lastTs = timestamp;
    this.lastSourceWall = now;
    this.filling = false;
  }

  /** Runs the filler, key-frame retries and time-outs; the feed calls it every few milliseconds. */
  tick(now: number): void {
    if (!this.isOpen) return;
    const pending = this.pending;
    if (pending) {
      if (now - pending.requestedAt >= this.timing.keyFrameRetryMs) {
        pending.requestedAt = now;
        pending.source.requestKeyFrame();
      }
      // NOTE: the old picture under the new speaker's name is wrong; after the timeout the slate is better.
      if (this.current && !this.filling && now - pending.since >= this.timing.keyFrameTimeoutMs) {
        this.current = null;
        this.startFiller();
      }
    }
    if (this.current && !this.current.anchored && this.spec.kind === 'video') this.requestKeyFrame(this.current, now);
    if (now - this.lastSourceWall < this.timing.silenceMs) return;
    if (!this.filling) {
      this.startFiller();
      if (this.current) this.unanchor(now);
    }
    const wall = this.wallTimestamp(now);
    for (let i = 0; i < MAX_CATCH_UP_FRAMES && timestampDelta(wall, this.lastTs) >= this.filler.frameTicks; i++) {
      const behind = timestampDelta(wall, this.lastTs) > MAX_CATCH_UP_FRAMES * this.filler.frameTicks;
      this.sendFiller(behind ? wall : (this.lastTs + this.filler.frameTicks) >>> 0);
    }
  }

  private startFiller(): void {
    this.filling = true;
    this.lastSourceWall = Number.NEGATIVE_INFINITY;
    this.filler.restart();
  }

  private unanchor(now: number): void {
    if (!this.current) return;
    this.current.anchored = false;
    if (this.spec.kind === 'video') this.requestKeyFrame(this.current, now);
  }

  private sendFiller(timestamp: number): void {
    for (const part of this.filler.next()) {
      this.send(buildRtp({ marker: part.last, payloadType: this.spec.payloadType, sequenceNumber: this.seq, timestamp, ssrc: this.spec.ssrc }, part.payload));
      this.seq = (this.seq + 1) & 0xffff;
    }
    this.lastTs = timestamp;
    this.filled++;
  }

  /** The timestamp a source starts at: now on the wall-clock timeline, and after the last one sent. */
  private nextTimestamp(now: number, minStep: number): number {
    const wall = this.wallTimestamp(now);
    return timestampDelta(wall, this.lastTs) >= minStep ? wall : (this.lastTs + minStep) >>> 0;
  }

  private wallTimestamp(now: number): number {
    return (this.epochTs + Math.round(((now - this.epochWall) * this.spec.clockRate) / 1000)) >>> 0;
  }

  /**
   * Senders' clocks run a little fast or slow against ours (tens of ppm: a second over a long
   * sitting). The packet that arrived earliest in each window shows the true lead; past
   * `maxDriftMs` the offset is pulled back, which FFmpeg absorbs (aresample, fps).
   */
  private correctDrift(current: Forwarding, inTs: number, now: number): void {
    const lead = timestampDelta((inTs + current.tsOffset) >>> 0, this.wallTimestamp(now));
    current.windowLead = Math.max(current.windowLead, lead);
    if (now - current.windowStart < DRIFT_WINDOW_MS) return;
    const limit = (this.timing.maxDriftMs * this.spec.clockRate) / 1000;
    if (Math.abs(current.windowLead) > limit) {
      // Never step back behind what was sent: shift at most down to one frame after it.
      const floor = timestampDelta((this.lastTs + 1) >>> 0, (inTs + current.tsOffset) >>> 0);
      current.tsOffset = (current.tsOffset + Math.max(-current.windowLead, floor)) | 0;
    }
    current.windowLead = Number.NEGATIVE_INFINITY;
    current.windowStart = now;
  }

  private requestKeyFrame(current: Forwarding, now: number): void {
    if (now - current.lastKeyFrameRequest < this.timing.keyFrameRetryMs) return;
    current.lastKeyFrameRequest = now;
    current.source.requestKeyFrame();
  }
}

function newForwarding(source: SlotSource): Forwarding {
  return {
    source,
    anchored: false,
    tsOffset: 0,
    seqOffset: 0,
    lastInTs: 0,
    lastKeyFrameRequest: Number.NEGATIVE_INFINITY,
    windowLead: Number.NEGATIVE_INFINITY,
    windowStart: 0,
  };
}

function randomUint(bits: 16 | 32): number {
  return Math.floor(Math.random() * 2 ** bits) >>> 0;
}
