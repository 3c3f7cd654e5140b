import { describe, expect, it } from 'vitest';
import { recordingRunsOf } from './recording-runs';

describe('recordingRunsOf (the archive playlist)', () => {
  it('splits at discontinuities and takes each run’s first PROGRAM-DATE-TIME', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:EVENT',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-03T08:00:00.000Z',
      '#EXTINF:2.000,',
      'video_0.ts',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-03T08:00:02.000Z',
      '#EXTINF:1.500,',
      'video_1.ts',
      '#EXT-X-DISCONTINUITY',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-03T08:01:00.000Z',
      '#EXTINF:2.000,',
      'video_2.ts',
      '#EXT-X-ENDLIST',
      '',
    ].join('\n');
    expect(recordingRunsOf(text)).toEqual([
      { startMs: Date.parse('2026-12-03T08:00:00.000Z'), seconds: 3.5 },
      { startMs: Date.parse('2026-12-03T08:01:00.000Z'), seconds: 2 },
    ]);
    expect(recordingRunsOf(text.replace(/#EXT-X-PROGRAM-DATE-TIME:.*\n/g, ''))).toEqual([]);
  });
});
