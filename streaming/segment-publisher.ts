/**
 * Where each finished segment goes: the archive's playlist (kept whole), the public DVR-window
 * playlist of its rendition and, beside every video segment, a WebVTT segment of captions.
 * It also dates segments: each FFmpeg run starts at a known wall-clock instant (the gate) and
 * at its first video PTS, so a segment's PTS says when its first frame was live.
 */
import path from 'node:path';
import type { Logger } from './program-port';
import { writeFileAtomic } from './atomic-file';
import { CaptionTrack, type RunClock } from './captions';
import { LivePlaylist } from './live-playlist';
import { formatMasterPlaylist, MASTER_PLAYLIST } from './master-playlist';
import type { SegmentEntry } from './media-playlist';
import { mediaVariants, type ProgramLayout } from './program-layout';
import { ArchivePlaylists } from './recording';
import type { FinishedSegment } from './segment-follower';
import { ptsSeconds, segmentStartPts } from './ts-pts';

export interface PublisherOptions {
  readonly layout: ProgramLayout;
  readonly outDir: string;
  readonly archiveDir: string;
  readonly dvrSeconds: number;
  readonly log: Logger;
}

interface RunState {
  readonly index: number;
  clock: { startWall: number; startPts: number | null } | null;
  /** Segments found before the run's first video segment said where its timeline starts. */
  readonly waiting: FinishedSegment[];
}

export class SegmentPublisher {
  readonly captions: CaptionTrack;
  private readonly live = new Map<string, LivePlaylist>();
  private readonly archive: ArchivePlaylists;
  private readonly runs = new Map<number, RunState>();
  /** Per variant, the run its last published segment came from (-1: an earlier broadcast's). */
  private readonly lastRunOf = new Map<string, number>();
  private masterWritten = false;

  constructor(private readonly opts: PublisherOptions) {
    const { layout } = opts;
    const windowSegments = Math.max(3, Math.ceil(opts.dvrSeconds / layout.segmentSeconds));
    for (const variant of [...mediaVariants(layout), layout.captions.variant]) {
      this.live.set(variant, new LivePlaylist(path.join(opts.outDir, variant), windowSegments, layout.segmentSeconds));
    }
    this.archive = new ArchivePlaylists(opts.archiveDir);
    this.captions = new CaptionTrack(path.join(opts.archiveDir, layout.captions.variant), this.live.get(layout.captions.variant)!);
  }

  /**
   * Picks up an earlier broadcast of this sitting from its archive (Plenum restarted): archive
   * lists and public windows go on, the first new segment after a gap. Returns what was found.
   */
  async resume(): Promise<ReadonlyMap<string, readonly SegmentEntry[]>> {
    const earlier = await this.archive.resume([...this.live.keys()]);
    for (const [variant, segments] of earlier) {
      await this.live.get(variant)!.resume(segments.map((s) => ({ ...s, file: path.join(this.opts.archiveDir, variant, s.uri) })));
      if (segments.length > 0) this.lastRunOf.set(variant, -1);
    }
    return earlier;
  }

  /** FFmpeg run `run` is about to start. */
  beginRun(run: number): void {
    this.runs.set(run, { index: run, clock: null, waiting: [] });
  }

  /** Run `run`'s inputs started at `wall` (ms): its time zero. */
  startClock(run: number, wall: number): void {
    const state = this.runs.get(run);
    if (state) state.clock = { startWall: wall, startPts: null };
  }

  async handle(run: number, segment: FinishedSegment): Promise<void> {
    const state = this.runs.get(run);
    if (!state) return;
    const pts = await segmentStartPts(segment.file).catch(() => null);
    if (state.clock && state.clock.startPts === null && segment.variant === this.opts.layout.video.variant) {
      state.clock.startPts = pts ?? 0;
      await this.publish(state, segment, pts);
      for (const w of state.waiting.splice(0)) await this.publish(state, w, await segmentStartPts(w.file).catch(() => null));
      return;
    }
    if (state.clock?.startPts === null || state.clock === null) {
      state.waiting.push(segment);
      return;
    }
    await this.publish(state, segment, pts);
  }

  /** The sitting is over: every public list ends (EXT-X-ENDLIST), and so does the archive's. */
  async end(): Promise<void> {
    for (const playlist of this.live.values()) await playlist.end();
    await this.archive.end();
  }

  private async publish(run: RunState, segment: FinishedSegment, pts: number | null): Promise<void> {
    const clock = run.clock as RunClock;
    const programDateTime = pts === null ? undefined : clock.startWall + ptsSeconds(clock.startPts, pts) * 1_000;
    const entry: SegmentEntry = {
      uri: path.basename(segment.file),
      duration: segment.duration,
      discontinuity: this.afterGap(segment.variant, run.index),
      ...(programDateTime !== undefined ? { programDateTime } : {}),
    };
    await this.archive.append(segment.variant, entry);
    await this.live.get(segment.variant)!.add({ ...entry, file: segment.file });
    if (segment.variant === this.opts.layout.video.variant) {
      const subs = this.opts.layout.captions.variant;
      const timing = {
        number: segment.number,
        duration: segment.duration,
        discontinuity: this.afterGap(subs, run.index),
        programDateTime: programDateTime ?? Date.now(),
        clock,
      };
      await this.archive.append(subs, await this.captions.segment(timing));
    }
    await this.writeMasterOnce();
  }

  /** Whether the variant's next segment is the first after a gap: EXT-X-DISCONTINUITY. */
  private afterGap(variant: string, run: number): boolean {
    const previous = this.lastRunOf.get(variant);
    this.lastRunOf.set(variant, run);
    return previous !== undefined && previous !== run;
  }

  /** The master playlist, once every rendition's playlist exists: players never meet a missing one. */
  private async writeMasterOnce(): Promise<void> {
    if (this.masterWritten || ![...this.live.values()].every((p) => p.hasSegments)) return;
    this.masterWritten = true;
    await writeFileAtomic(path.join(this.opts.outDir, MASTER_PLAYLIST), formatMasterPlaylist(this.opts.layout));
    this.opts.log.info('writeMasterOnce() | broadcast is live', { outDir: this.opts.outDir });
  }
}
