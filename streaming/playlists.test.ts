// The playlists Node writes (public DVR window, master, captions) read back by hls-parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as HLS from 'hls-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptionTrack, formatWebVtt, vttTime } from './captions';
import { LivePlaylist } from './live-playlist';
import { formatMasterPlaylist } from './master-playlist';
import { formatMediaPlaylist, parseMediaPlaylist } from './media-playlist';
import { programLayout } from './program-layout';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-playlists-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function segmentFile(name: string): string {
  const file = path.join(scratch, 'archive', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, name);
  return file;
}

function parseMedia(text: string): HLS.types.MediaPlaylist {
  const parsed = HLS.parse(text);
  if (parsed.isMasterPlaylist) throw new Error('expected a media playlist');
  return parsed;
}

describe('LivePlaylist', () => {
  it('keeps a DVR window, counts what left it, and removes files a window after they left', async () => {
    const dir = path.join(scratch, 'live', 'video');
    const live = new LivePlaylist(dir, 3, 1);
    for (let n = 0; n < 8; n++) {
      await live.add({
        file: segmentFile(`seg_${n}.ts`),
        uri: `seg_${n}.ts`,
        duration: 1,
        discontinuity: n === 2,
        programDateTime: 1_700_000_000_000 + n * 1_000,
      });
    }
    const playlist = parseMedia(fs.readFileSync(path.join(dir, 'index.m3u8'), 'utf8'));
    expect(playlist.mediaSequenceBase).toBe(5);
    // seg_2 carried the discontinuity; it scrolled out, so the sequence says so.
    expect(playlist.discontinuitySequenceBase).toBe(1);
    expect(playlist.segments.map((s) => s.uri)).toEqual(['seg_5.ts', 'seg_6.ts', 'seg_7.ts']);
    expect(playlist.segments[0]!.programDateTime?.toISOString()).toBe(new Date(1_700_000_005_000).toISOString());
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .sort(),
    ).toEqual(['seg_2.ts', 'seg_3.ts', 'seg_4.ts', 'seg_5.ts', 'seg_6.ts', 'seg_7.ts']);
    // Hard links: the archive's file, not a copy.
    expect(fs.statSync(path.join(dir, 'seg_7.ts')).ino).toBe(fs.statSync(path.join(scratch, 'archive', 'seg_7.ts')).ino);
    await live.end();
    expect(parseMedia(fs.readFileSync(path.join(dir, 'index.m3u8'), 'utf8')).endlist).toBe(true);
  });
});

describe('media playlists', () => {
  it('reads back what it writes', () => {
    const written = {
      targetDuration: 1,
      mediaSequence: 4,
      discontinuitySequence: 2,
      playlistType: 'EVENT' as const,
      endList: true,
      independentSegments: true,
      segments: [
        { uri: 'seg_4.ts', duration: 1, discontinuity: false, programDateTime: Date.parse('2026-01-01T10:00:00.000Z') },
        { uri: 'seg_5.ts', duration: 0.96, discontinuity: true },
      ],
    };
    expect(parseMediaPlaylist(formatMediaPlaylist(written))).toEqual(written);
    expect(parseMedia(formatMediaPlaylist(written)).segments[1]!.discontinuity).toBe(true);
  });
});

describe('formatMasterPlaylist', () => {
  it('lists the video variant with an audio group per language and the captions', () => {
    const layout = programLayout({
      floor: { language: 'de', name: 'Original' },
      interpretations: [
        { language: 'en', name: 'English' },
        { language: 'fr', name: 'Français' },
      ],
    });
    const master = HLS.parse(formatMasterPlaylist(layout));
    if (!master.isMasterPlaylist) throw new Error('expected a master playlist');
    const [variant] = master.variants;
    expect(variant!.uri).toBe('video/index.m3u8');
    expect(variant!.audio.map((a) => [a.name, a.language, a.uri, a.isDefault])).toEqual([
      ['Original', 'de', 'audio_floor/index.m3u8', true],
      ['English', 'en', 'audio_en/index.m3u8', false],
      ['Français', 'fr', 'audio_fr/index.m3u8', false],
    ]);
    expect(variant!.subtitles.map((s) => [s.name, s.language, s.uri])).toEqual([['Captions', 'de', 'subs/index.m3u8']]);
  });
});

describe('captions', () => {
  const clock = { startWall: 1_000_000, startPts: 127_920 };

  it("maps LOCAL 0 to the run's first video PTS and times cues on the wall clock", () => {
    const vtt = formatWebVtt([{ text: 'Guten Morgen.', at: 1_003_500, until: 1_006_000 }], clock);
    expect(vtt).toBe('WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:127920,LOCAL:00:00:00.000\n\n00:00:03.500 --> 00:00:06.000\nGuten Morgen.\n');
    expect(vttTime(3_723_004)).toBe('01:02:03.004');
  });

  it('ends a caption when the next one starts, and repeats one in every segment it spans', async () => {
    const live = new LivePlaylist(path.join(scratch, 'live', 'subs'), 10, 1);
    const track = new CaptionTrack(path.join(scratch, 'archive', 'subs'), live);
    track.add('Erste Zeile', 1_001_200);
    track.add('Zweite --> Zeile\n\n', 1_002_000);
    expect(track.all.map((c) => [c.text, c.at, c.until])).toEqual([
      ['Erste Zeile', 1_001_200, 1_002_000],
      ['Zweite → Zeile', 1_002_000, 1_002_000 + 2_000 + 60 * 14],
    ]);
    for (let n = 0; n < 4; n++) await track.segment({ number: n, duration: 1, discontinuity: false, programDateTime: 1_000_000 + n * 1_000, clock });
    const read = (n: number) => fs.readFileSync(path.join(scratch, 'archive', 'subs', `seg_${n}.vtt`), 'utf8');
    expect(read(0)).not.toContain('-->\n'); // no cue in the first second
    expect(read(1)).toContain('Erste Zeile');
    expect(read(2)).toContain('00:00:02.000 --> 00:00:04.840\nZweite → Zeile');
    expect(read(3)).toContain('00:00:02.000 --> 00:00:04.840\nZweite → Zeile');
    expect(parseMedia(fs.readFileSync(path.join(scratch, 'live', 'subs', 'index.m3u8'), 'utf8')).segments).toHaveLength(4);
  });
});
