import fs from 'node:fs/promises';
import { parseMediaPlaylist } from '../../streaming/media-playlist';
import type { RecordingRun } from '../domain/recording-chapters';

/**
 * The recording's runs as the archive's video playlist records them: a discontinuity starts a
 * new run (as the recording is assembled), and a run starts at its first segment's
 * PROGRAM-DATE-TIME. Empty when there is no archive, or it carries no wall clock.
 */
export async function readRecordingRuns(playlistFile: string): Promise<RecordingRun[]> {
  const text = await fs.readFile(playlistFile, 'utf8').catch(() => null);
  if (text === null) return [];
  try {
    return recordingRunsOf(text);
  } catch {
    return [];
  }
}

export function recordingRunsOf(playlist: string): RecordingRun[] {
  const runs: { startMs: number | undefined; seconds: number }[] = [];
  for (const s of parseMediaPlaylist(playlist).segments) {
    const last = runs.at(-1);
    if (s.discontinuity || !last) runs.push({ startMs: s.programDateTime, seconds: s.duration });
    else last.seconds += s.duration;
  }
  if (runs.some((r) => r.startMs === undefined)) return [];
  return runs.map((r) => ({ startMs: r.startMs ?? 0, seconds: r.seconds }));
}
