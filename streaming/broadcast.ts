/**
 * One sitting's public broadcast: the program (picture, lower third, vote card, sign-language
 * inset), its audio renditions and captions as HLS in `outDir`, and the recording in
 * `archiveDir`. Procedure reaches it only through setProgram() and addCaption(); it never
 * decides who is on air.
 *
 * Wiring: ProgramFeed (mediasoup → slots → UDP) feeds one FFmpeg (supervised, restarted after a
 * crash); SegmentFollower reports its finished segments and SegmentPublisher puts them in the
 * archive, the public DVR-window playlists and, beside video, the captions track.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveFfmpeg } from './ffmpeg-path';
import { FONT_FILE, resolveFont } from './fonts';
import { OverlayText, type LowerThird } from './overlay-text';
import { FFMPEG_PLAYLIST_DIR, programFfmpegArgs, SDP_FILE } from './program-ffmpeg-args';
import { ProgramFeed } from './program-feed';
import { mediaVariants, programLayout, type LayoutOptions, type ProgramLayout } from './program-layout';
import type { Logger, ProgramSource } from './program-port';
import { assembleRecordings, type Recording } from './recording';
import { SegmentFollower } from './segment-follower';
import { SegmentPublisher } from './segment-publisher';
import { EMPTY_INSET_SIZE, encodeSlate } from './slate';
import { FfmpegSupervisor } from './supervisor';
import { portsBound, type PortRange } from './udp-ports';

export interface BroadcastOptions extends LayoutOptions {
  /** Public: master.m3u8 and one directory per rendition, served as /hls/<sitting>/. */
  readonly outDir: string;
  /** Private: every segment, the archive playlists, FFmpeg's work files, the recordings. */
  readonly archiveDir: string;
  /** How far back viewers can seek (the DVR window), seconds. */
  readonly dvrSeconds: number;
  /** Loopback UDP ports FFmpeg's inputs may use (two per slot). */
  readonly ports: PortRange;
  /** Shown while no camera is on the program. */
  readonly slateText?: string;
  /** Recording file names start with it; defaults to the sitting id. */
  readonly recordingName?: string;
  readonly log: Logger;
}

/** Who and what is on the program; procedure events set it. */
export interface ProgramState {
  readonly speakerPeerId: string | null;
  readonly chairPeerId: string | null;
  readonly lowerThird: LowerThird | null;
  /** The vote result card's text (lines separated by \n); null hides it. */
  readonly voteCard: string | null;
}

export interface BroadcastResult {
  readonly recordings: readonly Recording[];
  /** The captions on the recordings' timeline, or null when there were none. */
  readonly captionsFile: string | null;
}

/** How often FFmpeg's playlists are read for finished segments. */
const FOLLOW_MS = 200;
/** How long FFmpeg may take to bind its input ports before the gate opens anyway. */
const BIND_TIMEOUT_MS = 10_000;

export class Broadcast {
  static async start(media: ProgramSource, opts: BroadcastOptions): Promise<Broadcast> {
    const layout = programLayout(opts);
    const log = opts.log.child('broadcast');
    const work = path.join(opts.archiveDir, 'work');
    await fs.mkdir(path.join(work, FFMPEG_PLAYLIST_DIR), { recursive: true });
    await fs.mkdir(opts.outDir, { recursive: true });
    await fs.rm(path.join(work, FONT_FILE), { force: true });
    await fs.symlink(resolveFont(), path.join(work, FONT_FILE));
    const ffmpeg = resolveFfmpeg().path;
    const { fps, width, height } = layout.video;
    const [slate, emptyInset] = await Promise.all([
      encodeSlate(ffmpeg, { width, height, fps, color: '0x1b2b48', ...(opts.slateText ? { text: opts.slateText } : {}) }, work, 'slate'),
      encodeSlate(ffmpeg, { width: EMPTY_INSET_SIZE, height: EMPTY_INSET_SIZE, fps, color: 'black' }, work, 'empty-inset'),
    ]);
    const feed = await ProgramFeed.create(media, layout, { fillers: { slate, emptyInset }, ports: opts.ports, log });
    try {
      await fs.writeFile(path.join(work, SDP_FILE), feed.sdp);
      const overlay = new OverlayText(work);
      await overlay.init();
      const broadcast = new Broadcast(media, opts, layout, log, ffmpeg, work, feed, overlay);
      await broadcast.resume();
      await broadcast.supervisor.start();
      broadcast.follow();
      return broadcast;
    } catch (error) {
      feed.close();
      throw error;
    }
  }

  private readonly supervisor: FfmpegSupervisor;
  private readonly follower: SegmentFollower;
  private readonly publisher: SegmentPublisher;
  /** The run whose playlists the follower reads now. */
  private currentRun = 0;
  private followTimer: NodeJS.Timeout | null = null;
  private following: Promise<void> = Promise.resolve();
  private programSeq = 0;
  private stopped: Promise<BroadcastResult> | null = null;
  private halted: Promise<void> | null = null;

  private constructor(
    private readonly media: ProgramSource,
    private readonly opts: BroadcastOptions,
    readonly layout: ProgramLayout,
    private readonly log: Logger,
    private readonly ffmpeg: string,
    work: string,
    private readonly feed: ProgramFeed,
    private readonly overlay: OverlayText,
  ) {
    this.publisher = new SegmentPublisher({ layout, outDir: opts.outDir, archiveDir: opts.archiveDir, dvrSeconds: opts.dvrSeconds, log });
    this.follower = new SegmentFollower(path.join(work, FFMPEG_PLAYLIST_DIR), opts.archiveDir, mediaVariants(layout));
    this.supervisor = new FfmpegSupervisor({ command: ffmpeg, cwd: work, log, prepare: (run) => this.prepareRun(run) });
    this.supervisor.on('started', (run, pid) => void this.openGate(run, pid));
    this.supervisor.on('crashed', () => this.feed.pause());
  }

  get sittingId(): string {
    return this.media.sittingId;
  }

  /** The FFmpeg process now (null between a crash and its restart), and how many runs so far. */
  get process(): { pid: number | null; runs: number } {
    return { pid: this.supervisor.pid, runs: this.supervisor.runs };
  }

  /** The program feed, for its switch events and slot counters (tests, metrics). */
  get program(): ProgramFeed {
    return this.feed;
  }

  /**
   * Puts a new state on the program. The vote card changes at once; the lower third changes when
   * the picture does (the new speaker's camera sends its key frame), so name and face match.
   */
  async setProgram(state: ProgramState): Promise<void> {
    const seq = ++this.programSeq;
    await this.overlay.setVoteCard(state.voteCard);
    await this.feed.setCast({ speakerPeerId: state.speakerPeerId, chairPeerId: state.chairPeerId });
    // NOTE: a later setProgram may have overtaken this one while the camera switched: it wins.
    if (seq === this.programSeq) await this.overlay.setLowerThird(state.lowerThird);
  }

  /** A caption the clerk typed, shown from `at` (default now) in the captions rendition. */
  addCaption(text: string, at: Date = new Date()): void {
    this.publisher.captions.add(text, at.getTime());
  }

  /**
   * Ends the broadcast: FFmpeg finishes its last segments, the playlists end (EXT-X-ENDLIST) and
   * the recordings are assembled. Idempotent.
   */
  stop(): Promise<BroadcastResult> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  /**
   * Stops FFmpeg and the feed but leaves the playlists open and assembles nothing: Plenum is
   * shutting down, or the sitting's media was replaced. A later start on the same archive goes on.
   */
  halt(): Promise<void> {
    this.halted ??= this.shutdown();
    return this.halted;
  }

  private async shutdown(): Promise<void> {
    if (this.followTimer) clearInterval(this.followTimer);
    // NOTE: the slots keep sending until FFmpeg is gone: an input that stops would hold FFmpeg's exit.
    await this.supervisor.stop();
    await this.drainInOrder();
    this.feed.close();
  }

  private async finish(): Promise<BroadcastResult> {
    await this.halt();
    await this.publisher.end();
    const result = await assembleRecordings({
      ffmpeg: this.ffmpeg,
      archiveDir: this.opts.archiveDir,
      outDir: path.join(this.opts.archiveDir, 'recordings'),
      baseName: this.opts.recordingName ?? this.sittingId,
      layout: this.layout,
      captions: this.publisher.captions.all,
      log: this.log,
    });
    this.log.info('stop() | broadcast ended', { sitting: this.sittingId, runs: this.supervisor.runs, recordings: result.recordings.length });
    return result;
  }

  /** Goes on from an earlier broadcast of this sitting in the same archive (Plenum restarted). */
  private async resume(): Promise<void> {
    const earlier = await this.publisher.resume();
    for (const [variant, segments] of earlier)
      this.follower.seed(
        variant,
        segments.map((s) => s.uri),
      );
    if (earlier.size > 0)
      this.log.info('resume() | going on from the archive', { sitting: this.sittingId, segments: earlier.get(this.layout.video.variant)?.length ?? 0 });
  }

  /** Before each FFmpeg run: read what the last one finished, then start its playlists afresh. */
  private async prepareRun(run: number): Promise<readonly string[]> {
    this.feed.pause();
    await this.drainInOrder();
    await this.follower.clearPlaylists();
    this.currentRun = run;
    this.publisher.beginRun(run);
    return programFfmpegArgs(
      this.layout,
      { segmentDir: this.opts.archiveDir, startNumber: this.follower.nextNumber },
      { duckedFloorGain: this.media.duckedFloorGain },
    );
  }

  /**
   * Once FFmpeg has bound its ports, every slot starts its stream at this instant: the run's
   * time zero, which captions and program dates are measured from.
   */
  private async openGate(run: number, pid: number): Promise<void> {
    const deadline = Date.now() + BIND_TIMEOUT_MS;
    for (;;) {
      if (this.supervisor.pid !== pid) return; // died or stopped before it listened
      const bound = await portsBound(this.feed.ports);
      if (bound === true) break;
      if (bound === null) await sleep(500); // no socket table to read: FFmpeg binds within this
      if (bound === null || Date.now() > deadline) break;
      await sleep(10);
    }
    if (this.supervisor.pid !== pid) return;
    const now = Date.now();
    this.publisher.startClock(run, now);
    this.feed.open(now);
    this.log.info('openGate() | program streams started', { run, pid });
  }

  private follow(): void {
    this.followTimer = setInterval(() => void this.drainInOrder(), FOLLOW_MS);
  }

  /** NOTE: one read at a time, whoever asks (timer, restart, stop): each segment is published once, in order. */
  private drainInOrder(): Promise<void> {
    this.following = this.following.then(() => this.drain()).catch((error: unknown) => this.log.warn("drain() | reading FFmpeg's playlists failed", { error }));
    return this.following;
  }

  private async drain(): Promise<void> {
    const run = this.currentRun;
    for (const segment of await this.follower.poll()) await this.publisher.handle(run, segment);
  }
}
