import type { WatchRecordingResult } from './watch.generated';

export type RecordingChapter = NonNullable<WatchRecordingResult['publicSitting']>['recordingChapters'][number];

/** A place in the recording as players show it: 4:05, 1:02:03. */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The chapter playing at `time` (the last that began by then), or -1 before the first. */
export function currentChapter(chapters: readonly RecordingChapter[], time: number): number {
  let current = -1;
  for (const [i, c] of chapters.entries()) {
    if (c.offsetSeconds <= time + 0.25) current = i;
    else break;
  }
  return current;
}
