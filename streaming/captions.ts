/**
 * The clerk's live captions as a WebVTT subtitles rendition. FFmpeg cannot take text typed
 * while it runs, so Node writes one WebVTT segment beside every video segment (same number,
 * same duration, same discontinuities) and its own media playlist.
 *
 * Timing: each FFmpeg run's timeline starts at a known wall-clock instant (the gate, see
 * program-slot.ts) and at a known MPEG-TS timestamp (the run's first video PTS). Every WebVTT
 * segment of the run maps LOCAL 0 to that PTS (X-TIMESTAMP-MAP), and a cue's times are its wall
 * clock minus the run's start: the player puts it on the same frames the clerk saw.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { LivePlaylist } from './live-playlist';
import type { SegmentEntry } from './media-playlist';

export interface Caption {
  readonly text: string;
  /** Wall clock, ms since the epoch. */
  readonly at: number;
  /** Until when it shows: its reading time, cut short by the next caption. */
  until: number;
}

/** Where one FFmpeg run's timeline sits on the wall clock and on the MPEG-TS clock. */
export interface RunClock {
  /** Wall clock (ms) of the run's time zero. */
  readonly startWall: number;
  /** MPEG-TS PTS (90 kHz) of the run's time zero: its first video frame. */
  readonly startPts: number;
}

export interface VideoSegmentTiming {
  readonly number: number;
  readonly duration: number;
  readonly discontinuity: boolean;
  /** Wall clock (ms) of the segment's first frame. */
  readonly programDateTime: number;
  readonly clock: RunClock;
}

/** Reading time: two seconds, plus a little per character, at most seven. */
export function displayMs(text: string): number {
  return Math.min(7_000, 2_000 + 60 * text.length);
}

export class CaptionTrack {
  private readonly captions: Caption[] = [];

  constructor(
    /** Archive directory of the subtitles variant: every WebVTT segment is kept. */
    private readonly archiveDir: string,
    private readonly live: LivePlaylist,
  ) {}

  /** Every caption so far, in time order: the recording's sidecar is made from them. */
  get all(): readonly Caption[] {
    return this.captions;
  }

  add(text: string, at: number): void {
    // A blank line would end the cue, and '-->' would start a new one.
    const clean = text
      .replace(/\r\n?/g, '\n')
      .replace(/\n\s*\n/g, '\n')
      .replace(/-->/g, '→')
      .trim();
    if (clean === '') return;
    const caption: Caption = { text: clean, at, until: at + displayMs(clean) };
    let i = this.captions.length;
    while (i > 0 && this.captions[i - 1]!.at > at) i--;
    this.captions.splice(i, 0, caption);
    // One caption at a time, as a clerk types them: the next one ends the previous.
    const before = this.captions[i - 1];
    if (before && before.until > at) before.until = at;
    const after = this.captions[i + 1];
    if (after && caption.until > after.at) caption.until = after.at;
  }

  /** Writes the WebVTT segment that goes with a finished video segment, publishes it, and says what it wrote. */
  async segment(video: VideoSegmentTiming): Promise<SegmentEntry> {
    const start = video.programDateTime;
    const end = start + video.duration * 1_000;
    const cues = this.captions.filter((c) => c.at < end && c.until > start && c.until > video.clock.startWall);
    const uri = `seg_${video.number}.vtt`;
    const file = path.join(this.archiveDir, uri);
    await fs.mkdir(this.archiveDir, { recursive: true });
    await writeFileAtomic(file, formatWebVtt(cues, video.clock));
    const entry: SegmentEntry = { uri, duration: video.duration, discontinuity: video.discontinuity, programDateTime: start };
    await this.live.add({ ...entry, file });
    return entry;
  }
}

export function formatWebVtt(cues: readonly Caption[], clock: RunClock): string {
  const lines = ['WEBVTT', `X-TIMESTAMP-MAP=MPEGTS:${clock.startPts},LOCAL:00:00:00.000`, ''];
  for (const c of cues) {
    const from = Math.max(0, c.at - clock.startWall);
    lines.push(`${vttTime(from)} --> ${vttTime(c.until - clock.startWall)}`, c.text, '');
  }
  return lines.join('\n');
}

/** hh:mm:ss.ttt */
export function vttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1_000);
  const t = total % 1_000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(t).padStart(3, '0')}`;
}
