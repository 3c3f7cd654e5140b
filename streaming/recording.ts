/**
 * The sitting's recording. While it runs: every segment stays in the archive (FFmpeg writes
 * them there; the public DVR window only links to them) and is appended to the variant's
 * archive playlist, which, unlike the public one, is never trimmed. At the close: one MP4 per
 * audio language (the video with that audio), stream-copied, plus the captions as WebVTT.
 *
 * An FFmpeg restart leaves a gap and restarts timestamps. Each run (between gaps) is muxed on
 * its own timestamps first, where audio and video are exactly in step, and the runs are then
 * joined end to end: the recording has no gap, only a cut.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from './program-port';
import { formatWebVtt, type Caption } from './captions';
import { formatMediaPlaylist, parseMediaPlaylist, segmentLines, type SegmentEntry } from './media-playlist';
import type { ProgramLayout } from './program-layout';

const run = promisify(execFile);

export const ARCHIVE_PLAYLIST = 'index.m3u8';

/** The archive's EVENT playlists, one per variant, appended to segment by segment. */
export class ArchivePlaylists {
  private readonly started = new Set<string>();

  constructor(private readonly dir: string) {}

  /**
   * What an earlier broadcast of this sitting archived (Plenum restarted, or the sitting
   * resumed after a stop), by variant; its lists are reopened (no EXT-X-ENDLIST) to go on.
   */
  async resume(variants: readonly string[]): Promise<Map<string, readonly SegmentEntry[]>> {
    const found = new Map<string, readonly SegmentEntry[]>();
    for (const variant of variants) {
      const file = path.join(this.dir, variant, ARCHIVE_PLAYLIST);
      const text = await fs.readFile(file, 'utf8').catch(() => null);
      if (text === null) continue;
      const playlist = parseMediaPlaylist(text);
      await fs.writeFile(file, formatMediaPlaylist({ ...playlist, endList: false }));
      this.started.add(variant);
      found.set(variant, playlist.segments);
    }
    return found;
  }

  async append(variant: string, entry: SegmentEntry): Promise<void> {
    const file = path.join(this.dir, variant, ARCHIVE_PLAYLIST);
    if (!this.started.has(variant)) {
      this.started.add(variant);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const header = formatMediaPlaylist({
        targetDuration: 2,
        mediaSequence: 0,
        discontinuitySequence: 0,
        playlistType: 'EVENT',
        endList: false,
        independentSegments: true,
        segments: [],
      });
      await fs.writeFile(file, header);
    }
    await fs.appendFile(file, segmentLines(entry).join('\n') + '\n');
  }

  async end(): Promise<void> {
    for (const variant of this.started) await fs.appendFile(path.join(this.dir, variant, ARCHIVE_PLAYLIST), '#EXT-X-ENDLIST\n');
  }
}

export interface Recording {
  /** The audio rendition's LANGUAGE and NAME. */
  readonly language: string;
  readonly name: string;
  readonly file: string;
  readonly durationSeconds: number;
}

export interface AssembleOptions {
  readonly ffmpeg: string;
  readonly archiveDir: string;
  /** Where the MP4s (and the captions file) go. */
  readonly outDir: string;
  /** File names start with it: <baseName>-floor.mp4, <baseName>-en.mp4, <baseName>.vtt. */
  readonly baseName: string;
  readonly layout: ProgramLayout;
  readonly captions?: readonly Caption[];
  readonly log: Logger;
}

interface Run {
  readonly video: SegmentEntry[];
  /** Wall clock of the run's first frame, when the playlist says it. */
  readonly start: number | undefined;
  duration: number;
}

/** Assembles the recordings from the archive on disk (so also after a restart of Plenum). */
export async function assembleRecordings(opts: AssembleOptions): Promise<{ recordings: Recording[]; captionsFile: string | null }> {
  const { layout, archiveDir } = opts;
  const runs = splitRuns(await readArchive(archiveDir, layout.video.variant));
  if (runs.length === 0) return { recordings: [], captionsFile: null };
  const work = path.join(archiveDir, 'recording-work');
  await fs.mkdir(work, { recursive: true });
  await fs.mkdir(opts.outDir, { recursive: true });
  try {
    const videoRuns = await Promise.all(runs.map((r, i) => joinSegments(archiveDir, layout.video.variant, r.video, path.join(work, `video-${i}.ts`))));
    const total = runs.reduce((sum, r) => sum + r.duration, 0);
    const recordings: Recording[] = [];
    for (const rendition of layout.audio) {
      const audio = assignToRuns(await readArchive(archiveDir, rendition.variant), runs);
      const parts: string[] = [];
      for (const [i, r] of runs.entries()) {
        const audioTs =
          audio[i]!.length > 0 ? await joinSegments(archiveDir, rendition.variant, audio[i]!, path.join(work, `${rendition.variant}-${i}.ts`)) : null;
        const part = runs.length === 1 ? null : path.join(work, `${rendition.variant}-av-${i}.ts`);
        await muxRun(opts.ffmpeg, videoRuns[i]!, audioTs, r.duration, part ?? mp4Path(opts, rendition.interpretation));
        if (part) parts.push(part);
      }
      if (parts.length > 0) await joinRuns(opts.ffmpeg, parts, path.join(work, `${rendition.variant}.ffconcat`), mp4Path(opts, rendition.interpretation));
      recordings.push({ language: rendition.language, name: rendition.name, file: mp4Path(opts, rendition.interpretation), durationSeconds: total });
      opts.log.info('assembleRecordings() | recording written', {
        file: mp4Path(opts, rendition.interpretation),
        runs: runs.length,
        seconds: total.toFixed(1),
      });
    }
    const captionsFile = opts.captions && opts.captions.length > 0 ? await writeCaptionsFile(opts, runs, opts.captions) : null;
    return { recordings, captionsFile };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

function mp4Path(opts: AssembleOptions, interpretation: string | null): string {
  return path.join(opts.outDir, `${opts.baseName}-${interpretation ?? 'floor'}.mp4`);
}

async function readArchive(archiveDir: string, variant: string): Promise<readonly SegmentEntry[]> {
  try {
    return parseMediaPlaylist(await fs.readFile(path.join(archiveDir, variant, ARCHIVE_PLAYLIST), 'utf8')).segments;
  } catch {
    return [];
  }
}

/** The video's runs: a discontinuity starts a new one. */
function splitRuns(video: readonly SegmentEntry[]): Run[] {
  const runs: Run[] = [];
  for (const s of video) {
    if (s.discontinuity || runs.length === 0) runs.push({ video: [], start: s.programDateTime, duration: 0 });
    const last = runs[runs.length - 1]!;
    last.video.push(s);
    last.duration += s.duration;
  }
  return runs;
}

/**
 * An audio variant's segments, by video run: by wall clock where the playlists carry it (an
 * audio variant may miss a segment at a crash), else by counting discontinuities.
 */
function assignToRuns(audio: readonly SegmentEntry[], runs: readonly Run[]): SegmentEntry[][] {
  const out = runs.map((): SegmentEntry[] => []);
  let byCount = -1;
  for (const s of audio) {
    if (s.discontinuity || byCount < 0) byCount++;
    let index = Math.min(byCount, runs.length - 1);
    if (s.programDateTime !== undefined && runs.every((r) => r.start !== undefined)) {
      // The run this segment starts in; half a second of slack for audio's earlier first frame.
      const found = runs.findIndex((r) => s.programDateTime! >= r.start! - 500 && s.programDateTime! < r.start! + r.duration * 1_000);
      if (found < 0) continue; // outside every video run: nothing to pair it with
      index = found;
    }
    out[index]!.push(s);
  }
  return out;
}

/** Byte-joins one run's segments: MPEG-TS from one FFmpeg run concatenates as is. */
async function joinSegments(archiveDir: string, variant: string, segments: readonly SegmentEntry[], out: string): Promise<string> {
  const sink = await fs.open(out, 'w');
  try {
    for (const s of segments) await sink.write(await fs.readFile(path.join(archiveDir, variant, s.uri)));
  } finally {
    await sink.close();
  }
  return out;
}

/**
 * One run's video with one audio, on their own timestamps; silence where a run has no audio.
 * The video says how long the run is: FFmpeg flushes more audio than video when it stops, and
 * that tail is cut (a little slack keeps the video's last frame, which starts after audio's first).
 */
async function muxRun(ffmpeg: string, videoTs: string, audioTs: string | null, seconds: number, out: string): Promise<void> {
  const mp4 = out.endsWith('.mp4');
  // prettier-ignore
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-f', 'mpegts', '-i', videoTs,
    ...(audioTs ? ['-f', 'mpegts', '-i', audioTs] : ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo']),
    '-map', '0:v:0', '-map', '1:a:0', '-t', (seconds + 0.1).toFixed(3),
    '-c:v', 'copy', ...(audioTs ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '96k']),
    ...(mp4 ? ['-movflags', '+faststart', '-f', 'mp4'] : ['-f', 'mpegts']), out,
  ];
  await writeThenRename(out, (part) => run(ffmpeg, [...args.slice(0, -1), part], { timeout: 30 * 60_000, maxBuffer: 1 << 20 }));
}

/** Runs end to end: the concat demuxer starts each where the previous one ended. */
async function joinRuns(ffmpeg: string, parts: readonly string[], listFile: string, out: string): Promise<void> {
  const list = ['ffconcat version 1.0', ...parts.map((p) => `file '${path.basename(p).replaceAll("'", "'\\''")}'`)].join('\n') + '\n';
  await fs.writeFile(listFile, list);
  // prettier-ignore
  await writeThenRename(out, (part) => run(ffmpeg, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', listFile,
    '-map', '0:v:0', '-map', '0:a:0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', part,
  ], { timeout: 30 * 60_000, maxBuffer: 1 << 20 }));
}

/**
 * FFmpeg writes beside `out` and the file is renamed over it when complete: a recording assembled
 * again (Plenum stopped, then the sitting closed) replaces the earlier one whole, never truncates
 * it in place (it is hard-linked into the public folder), and an assembly cut short (the stop's
 * bound) leaves the earlier file as it was.
 */
async function writeThenRename(out: string, write: (part: string) => Promise<unknown>): Promise<void> {
  const part = `${out}.part`;
  try {
    await write(part);
    await fs.rename(part, out);
  } finally {
    await fs.rm(part, { force: true });
  }
}

/** The captions on the recording's timeline: each run's wall clock shifted to where the run begins in the file. */
async function writeCaptionsFile(opts: AssembleOptions, runs: readonly Run[], captions: readonly Caption[]): Promise<string | null> {
  const shifted: Caption[] = [];
  let offset = 0;
  for (const r of runs) {
    if (r.start !== undefined) {
      const end = r.start + r.duration * 1_000;
      for (const c of captions) {
        if (c.until <= r.start || c.at >= end) continue;
        shifted.push({ text: c.text, at: Math.max(c.at, r.start) - r.start + offset, until: Math.min(c.until, end) - r.start + offset });
      }
    }
    offset += r.duration * 1_000;
  }
  if (shifted.length === 0) return null;
  const file = path.join(opts.outDir, `${opts.baseName}.vtt`);
  const text = formatWebVtt(shifted, { startWall: 0, startPts: 0 }).replace(/^X-TIMESTAMP-MAP=.*\n/m, '');
  await fs.writeFile(file, text);
  return file;
}
