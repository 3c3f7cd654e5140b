import type { Protocol } from './protocol/protocol';

/**
 * A stretch of the recording between two gaps of the broadcast (an FFmpeg restart): it began at
 * `startMs` on the wall clock (the program clock's origin, from the archive playlist's
 * PROGRAM-DATE-TIME) and lasts `seconds`. The recording joins the runs end to end.
 */
export interface RecordingRun {
  readonly startMs: number;
  readonly seconds: number;
}

/** A place to jump to in a sitting's recording: an agenda item called, or a speech begun. */
export interface RecordingChapter {
  readonly kind: 'item' | 'speech';
  /** When it happened (ISO instant). */
  readonly at: string;
  /** Where it is in the recording. */
  readonly offsetSeconds: number;
  /** The item's title ('3. Budget'), or the speaker's name. */
  readonly title: string;
  readonly agendaPosition: number | null;
  readonly factionShortName: string | null;
}

/**
 * Seconds into the recording of a wall-clock instant: inside a run, its place there; in a gap
 * (the recording has none, only a cut), the start of the next run; before the first run, 0;
 * after the last, null (not recorded).
 */
export function recordingOffset(runs: readonly RecordingRun[], atMs: number): number | null {
  let before = 0;
  for (const run of runs) {
    if (atMs < run.startMs) return before;
    const into = (atMs - run.startMs) / 1_000;
    if (into < run.seconds) return before + into;
    before += run.seconds;
  }
  return null;
}

/** The chapters of a recording: every agenda item as it was called and every speech in it, in the order of the record. */
export function recordingChapters(protocol: Protocol, runs: readonly RecordingRun[]): RecordingChapter[] {
  if (runs.length === 0) return [];
  const chapters: RecordingChapter[] = [];
  const add = (c: Omit<RecordingChapter, 'offsetSeconds'>) => {
    const offset = recordingOffset(runs, Date.parse(c.at));
    if (offset !== null) chapters.push({ ...c, offsetSeconds: Math.round(offset * 10) / 10 });
  };
  for (const section of protocol.sections) {
    if (section.agendaItem && section.calledAt) {
      add({ kind: 'item', at: section.calledAt, title: section.agendaItem.title, agendaPosition: section.agendaItem.position, factionShortName: null });
    }
    for (const p of section.proceedings) {
      if (p.kind !== 'floor') continue;
      add({
        kind: 'speech',
        at: p.startedAt,
        title: p.person.name,
        agendaPosition: section.agendaItem?.position ?? null,
        factionShortName: p.person.factionShortName,
      });
    }
  }
  return chapters;
}
