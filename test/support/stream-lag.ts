/**
 * How late the program FFmpeg finished the broadcast's segments: for each segment, the archive
 * copy's last write (FFmpeg renames its temp file when done) minus the end of its picture
 * (EXT-X-PROGRAM-DATE-TIME + duration). Tests that wait for something to appear in the stream
 * assert this first, so that a slow stream is named as the cause instead of a bare time-out.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as HLS from 'hls-parser';

/** Seconds of lag are a fault (issue #9: a clock put back); a few hundred ms a busy machine. */
export const MAX_SEGMENT_WRITE_LAG_MS = 1_500;

/** Write lag (ms) of each segment of `variant` in the public playlist whose picture started at or after `since`. */
export function segmentWriteLags(hlsDir: string, archiveDir: string, variant = 'video', since = 0): number[] {
  const parsed = HLS.parse(fs.readFileSync(path.join(hlsDir, variant, 'index.m3u8'), 'utf8'));
  if (parsed.isMasterPlaylist) throw new Error(`${variant}: expected a media playlist`);
  return parsed.segments
    .filter((s) => s.programDateTime && s.programDateTime.getTime() >= since && fs.existsSync(path.join(archiveDir, variant, s.uri)))
    .map((s) => Math.round(fs.statSync(path.join(archiveDir, variant, s.uri)).mtimeMs - (s.programDateTime!.getTime() + s.duration * 1_000)));
}

/**
 * Throws, naming the lag, when any of the newest `last` segments of a variant was written later
 * than `maxMs`; returns the lags per variant otherwise.
 */
export function assertStreamOnTime(
  hlsDir: string,
  archiveDir: string,
  opts: { variants?: readonly string[]; last?: number; maxMs?: number } = {},
): Record<string, number[]> {
  const { variants = ['video'], last = 5, maxMs = MAX_SEGMENT_WRITE_LAG_MS } = opts;
  const found: Record<string, number[]> = {};
  for (const variant of variants) {
    const lags = segmentWriteLags(hlsDir, archiveDir, variant).slice(-last);
    if (lags.length === 0) throw new Error(`the stream is late: no ${variant} segment yet`);
    if (Math.max(...lags) > maxMs)
      throw new Error(
        `the stream is late: the program FFmpeg wrote the last ${variant} segments ${lags.join(', ')} ms after the end of their picture (allowed ${maxMs} ms)`,
      );
    found[variant] = lags;
  }
  return found;
}
