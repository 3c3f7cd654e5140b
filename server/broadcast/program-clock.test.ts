// The program's renditions stay on one clock when an audio source starts late. Regression test
// for the variable segment lag of issue #9: in FFmpeg 5.1, aresample's first timestamp
// correction re-initialised libswresample and put that chain's clock back to zero, amix kept the
// offset, and the HLS muxer held every rendition back by it (as long as the broadcast had run
// before the first correction: 0.3–5 s). Here the English booth starts speaking 4 s in, at an
// instant off the 20 ms grid of its slot's filler, which is such a correction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as HLS from 'hls-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { SittingMedia } from '../media/sitting-media';
import { EMPTY_FLOOR, type Channel, type MediaParticipant } from '../media/topology';
import { WorkerPool } from '../media/worker-pool';
import { Broadcast } from '../../streaming/broadcast';
import { programSource } from './program-source';
import { LavfiFeeds, type LavfiFeed, type LavfiSource } from '../../streaming/lavfi-feeds';
import { publishFeed } from '../../test/support/publish-feed';
import { ptsSeconds, segmentStartPts } from '../../streaming/ts-pts';
import { MAX_SEGMENT_WRITE_LAG_MS, segmentWriteLags } from '../../test/support/stream-lag';

const log = createLogger('silent');
/** This file's own ports (49000–49999). */
const RTC_PORTS = { min: 49000, max: 49499 };
const PROGRAM_PORTS = { min: 49500, max: 49999 };

const chair: MediaParticipant = { id: 'chair', roles: ['chair', 'member'], booth: null };
const interpreter: MediaParticipant = { id: 'en-a', roles: ['interpreter'], booth: { id: 'booth-en', language: 'en', kind: 'spoken' } };

let pool: WorkerPool;
let media: SittingMedia;
let broadcast: Broadcast;
const feeds: LavfiFeeds[] = [];
let scratch: string;
let outDir: string;
let archiveDir: string;

function playlist(dir: string, variant: string): HLS.types.MediaPlaylist {
  const parsed = HLS.parse(fs.readFileSync(path.join(dir, variant, 'index.m3u8'), 'utf8'));
  if (parsed.isMasterPlaylist) throw new Error('expected a media playlist');
  return parsed;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const publish = (p: MediaParticipant, channel: Channel, source: LavfiSource): Promise<LavfiFeed> => publishFeed(media, p.id, channel, source);

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-program-clock-'));
  outDir = path.join(scratch, 'hls', 's1');
  archiveDir = path.join(scratch, 'archive', 's1');
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: RTC_PORTS.min, rtcMaxPort: RTC_PORTS.max, logLevel: 'silent' }, log);
  media = await SittingMedia.create({ sittingId: 's1', pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange: RTC_PORTS } });
  broadcast = await Broadcast.start(programSource(media), {
    outDir,
    archiveDir,
    dvrSeconds: 60,
    floor: { language: 'de', name: 'Original' },
    interpretations: [{ language: 'en', name: 'English' }],
    ports: PROGRAM_PORTS,
    log,
  });
  for (const p of [chair, interpreter]) await media.join(p, media.rtpCapabilities, { language: null, sign: false });
  await media.setFloor({ ...EMPTY_FLOOR, liveInterpreters: new Map([['booth-en', 'en-a']]) });
  feeds.push(
    LavfiFeeds.start([
      await publish(chair, { kind: 'floor' }, { kind: 'video', color: 'blue', ssrc: 3101 }),
      await publish(chair, { kind: 'floor' }, { kind: 'audio', frequency: 440, ssrc: 3201 }),
    ]),
  );
  await broadcast.setProgram({ speakerPeerId: null, chairPeerId: 'chair', lowerThird: null, voteCard: null });
  await until(() => fs.existsSync(path.join(outDir, 'video', 'index.m3u8')) && playlist(outDir, 'video').segments.length >= 4, 20_000, 'the first segments');
});

afterAll(async () => {
  await broadcast?.stop().catch(() => undefined);
  for (const f of feeds) await f.stop();
  media?.close();
  await pool?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the program clock', () => {
  it("keeps every rendition on the picture's timeline and on time when an interpreter starts late", async () => {
    // Off the filler's 20 ms grid: the slot re-stamps the new source at the wall clock.
    await new Promise((r) => setTimeout(r, 7));
    const started = Date.now();
    feeds.push(LavfiFeeds.start([await publish(interpreter, { kind: 'interpretation', language: 'en' }, { kind: 'audio', frequency: 880, ssrc: 3202 })]));
    await until(
      () => broadcast.program.slots.some((s) => s.spec.name === 'interpretation:en' && s.liveSourceId !== null),
      10_000,
      'the interpreter on the English slot',
    );
    await until(
      () => (playlist(outDir, 'video').segments.at(-1)?.programDateTime?.getTime() ?? 0) > started + 5_000,
      20_000,
      'segments 5 s after the interpreter started',
    );

    // Segment n of every rendition starts where the picture's segment n starts.
    const video = playlist(outDir, 'video').segments.filter((s) => s.programDateTime!.getTime() > started + 1_000);
    for (const variant of ['audio_floor', 'audio_en']) {
      const audio = new Map(playlist(outDir, variant).segments.map((s) => [s.uri, s]));
      const offsets: number[] = [];
      for (const v of video) {
        if (!audio.has(v.uri)) continue;
        const [vp, ap] = await Promise.all([segmentStartPts(path.join(outDir, 'video', v.uri)), segmentStartPts(path.join(outDir, variant, v.uri))]);
        offsets.push(Math.round(ptsSeconds(vp!, ap!) * 1_000));
      }
      expect(offsets.length, `${variant}: segments beside the picture's`).toBeGreaterThanOrEqual(3);
      expect(Math.max(...offsets.map(Math.abs)), `${variant}: start PTS − the picture's, per segment (ms): ${offsets.join(', ')}`).toBeLessThan(100);
    }
    // And FFmpeg wrote them on time: a clock put back would hold every rendition by seconds.
    for (const variant of ['video', 'audio_floor', 'audio_en']) {
      const lags = segmentWriteLags(outDir, archiveDir, variant, started);
      expect(Math.max(...lags), `${variant}: segment write lag after the end of its picture (ms): ${lags.join(', ')}`).toBeLessThan(MAX_SEGMENT_WRITE_LAG_MS);
    }
  });
});
