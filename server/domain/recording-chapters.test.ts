import { describe, expect, it } from 'vitest';
import { agenda, sampleRecord, sitting } from '../../fixtures/sample-record';
import { buildProtocol } from './protocol/protocol';
import { recordingChapters, recordingOffset } from './recording-chapters';

const parliamentName = 'Landtag';
const at = (hhmmss: string) => Date.parse(`2026-12-03T${hhmmss}.000+01:00`);

describe('recordingOffset', () => {
  const runs = [
    { startMs: at('09:00:00'), seconds: 600 },
    // FFmpeg restarted: a 30 s gap, then the second run
    { startMs: at('09:10:30'), seconds: 3_600 },
  ];
  it('places an instant in its run, and a gap at the next cut', () => {
    expect(recordingOffset(runs, at('08:59:00'))).toBe(0);
    expect(recordingOffset(runs, at('09:05:00'))).toBe(300);
    expect(recordingOffset(runs, at('09:10:10'))).toBe(600);
    expect(recordingOffset(runs, at('09:11:30'))).toBe(660);
    expect(recordingOffset(runs, at('11:00:00'))).toBeNull();
    expect(recordingOffset([], at('09:00:00'))).toBeNull();
  });
});

describe('recordingChapters', () => {
  const protocol = buildProtocol({ sitting, parliamentName, agenda, entries: sampleRecord().entries() });
  const runs = [{ startMs: at('09:00:00'), seconds: 4 * 3_600 }];
  const chapters = recordingChapters(protocol, runs);

  it('has a chapter per agenda item called and per speech, in the order of the record', () => {
    const items = chapters.filter((c) => c.kind === 'item');
    expect(items[0]).toMatchObject({ title: agenda[0]!.title, agendaPosition: 1, offsetSeconds: 60 });
    expect(items[1]).toMatchObject({ title: agenda[1]!.title, agendaPosition: 2, offsetSeconds: 300 });
    const speeches = chapters.filter((c) => c.kind === 'speech');
    expect(speeches.length).toBeGreaterThan(0);
    expect(speeches.every((s) => s.title.length > 0 && s.agendaPosition !== null)).toBe(true);
    const offsets = chapters.map((c) => c.offsetSeconds);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('has none without a recording, and leaves out what came after it ended', () => {
    expect(recordingChapters(protocol, [])).toEqual([]);
    const short = recordingChapters(protocol, [{ startMs: at('09:00:00'), seconds: 200 }]);
    expect(short.map((c) => c.title)).toEqual([agenda[0]!.title]);
  });
});
