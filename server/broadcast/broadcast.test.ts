// The broadcast end to end on real processes: a mediasoup worker, FFmpeg feeding synthetic
// cameras (solid colours) and microphones (tones) into a sitting's plain transports, the
// program FFmpeg, and the HLS it writes, read back with hls-parser and ffprobe. Tests run in
// order on one broadcast: live → floor change → captions → FFmpeg killed → stop and recordings.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as HLS from 'hls-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { SittingMedia } from '../media/sitting-media';
import { EMPTY_FLOOR, type Channel, type MediaParticipant } from '../media/topology';
import { WorkerPool } from '../media/worker-pool';
import { Broadcast, type BroadcastOptions, type BroadcastResult } from '../../streaming/broadcast';
import { programSource } from './program-source';
import { resolveFfmpeg, resolveFfprobe } from '../../streaming/ffmpeg-path';
import { LavfiFeeds, type LavfiFeed, type LavfiSource } from '../../streaming/lavfi-feeds';
import { publishFeed } from '../../test/support/publish-feed';
import { segmentStartPts } from '../../streaming/ts-pts';
import { assertStreamOnTime } from '../../test/support/stream-lag';

const run = promisify(execFile);
const log = createLogger('silent');
/** mediasoup's ports and the program FFmpeg's input ports: this file's own (48000–48999). */
const RTC_PORTS = { min: 48000, max: 48499 };
const PROGRAM_PORTS = { min: 48500, max: 48999 };

const chair: MediaParticipant = { id: 'chair', roles: ['chair', 'member'], booth: null };
const member: MediaParticipant = { id: 'm1', roles: ['member'], booth: null };
const interpreter: MediaParticipant = { id: 'en-a', roles: ['interpreter'], booth: { id: 'booth-en', language: 'en', kind: 'spoken' } };
const signer: MediaParticipant = { id: 'sign-a', roles: ['interpreter'], booth: { id: 'booth-sign', language: 'gsg', kind: 'sign' } };

/** Program picture crops sampled to tell sources apart (640x360 program, 320x240 feeds letterboxed). */
const MAIN_CROP = 'crop=120:80:200:60';
const INSET_CROP = 'crop=40:30:520:250';

let pool: WorkerPool;
let media: SittingMedia;
let feeds: LavfiFeeds;
let broadcast: Broadcast;
let resumed: Broadcast | undefined;
let scratch: string;
let outDir: string;
let archiveDir: string;
let result: BroadcastResult | undefined;

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function playlistText(variant: string): string {
  return fs.readFileSync(path.join(outDir, variant, 'index.m3u8'), 'utf8');
}

function mediaPlaylist(variant: string): HLS.types.MediaPlaylist {
  const parsed = HLS.parse(playlistText(variant));
  if (parsed.isMasterPlaylist) throw new Error(`${variant}: expected a media playlist`);
  return parsed;
}

function segmentCount(variant: string): number {
  try {
    return mediaPlaylist(variant).segments.length;
  } catch {
    return 0;
  }
}

async function probe(file: string): Promise<{
  streams: { codec_name: string; codec_type: string; width?: number; height?: number; sample_rate?: string; channels?: number }[];
  format: { duration: string };
}> {
  // -f mpegts: a second of silent AAC is too small for FFmpeg to guess the container from.
  const format = file.endsWith('.ts') ? ['-f', 'mpegts'] : [];
  const { stdout } = await run(resolveFfprobe().path, ['-v', 'error', ...format, '-show_streams', '-show_format', '-of', 'json', file]);
  return JSON.parse(stdout);
}

/** Mean RGB of a crop of every frame of a segment. */
async function frameColours(file: string, crop: string): Promise<[number, number, number][]> {
  const { stdout } = await run(
    resolveFfmpeg().path,
    ['-v', 'error', '-f', 'mpegts', '-i', file, '-vf', `${crop},scale=1:1`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { encoding: 'buffer', maxBuffer: 1 << 20 },
  );
  const colours: [number, number, number][] = [];
  for (let i = 0; i + 3 <= stdout.length; i += 3) colours.push([stdout[i]!, stdout[i + 1]!, stdout[i + 2]!]);
  return colours;
}

const isRed = ([r, g, b]: [number, number, number]) => r > 180 && g < 80 && b < 80;
const isBlue = ([r, g, b]: [number, number, number]) => b > 180 && r < 80 && g < 80;
const isGreen = ([r, g, b]: [number, number, number]) => g > 90 && r < 80 && b < 80;

/** A participant publishing synthetic media into `channel` through a comedia plain transport. */
const publish = (p: MediaParticipant, channel: Channel, source: LavfiSource): Promise<LavfiFeed> => publishFeed(media, p.id, channel, source);

/** Seconds of CPU (user + system) process `pid` has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100 on Linux)
}

function options(): BroadcastOptions {
  return {
    outDir,
    archiveDir,
    dvrSeconds: 30,
    floor: { language: 'de', name: 'Original' },
    interpretations: [{ language: 'en', name: 'English' }],
    captions: { language: 'de', name: 'Untertitel' },
    ports: PROGRAM_PORTS,
    slateText: 'Plenum',
    log,
  };
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-broadcast-'));
  outDir = path.join(scratch, 'hls', 's1');
  archiveDir = path.join(scratch, 'archive', 's1');
  pool = await WorkerPool.create({ workers: 1, rtcMinPort: RTC_PORTS.min, rtcMaxPort: RTC_PORTS.max, logLevel: 'silent' }, log);
  media = await SittingMedia.create({ sittingId: 's1', pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange: RTC_PORTS } });
  broadcast = await Broadcast.start(programSource(media), options());
  for (const p of [chair, member, interpreter, signer]) await media.join(p, media.rtpCapabilities, { language: null, sign: false });
  await media.setFloor({
    ...EMPTY_FLOOR,
    speakers: ['m1'],
    liveInterpreters: new Map([
      ['booth-en', 'en-a'],
      ['booth-sign', 'sign-a'],
    ]),
  });
  const floor: Channel = { kind: 'floor' };
  feeds = LavfiFeeds.start([
    await publish(chair, floor, { kind: 'video', color: 'blue', ssrc: 1001 }),
    await publish(member, floor, { kind: 'video', color: 'red', ssrc: 1002 }),
    await publish(signer, { kind: 'sign' }, { kind: 'video', color: 'green', ssrc: 1003 }),
    await publish(chair, floor, { kind: 'audio', frequency: 440, ssrc: 2001 }),
    await publish(member, floor, { kind: 'audio', frequency: 660, ssrc: 2002 }),
    await publish(interpreter, { kind: 'interpretation', language: 'en' }, { kind: 'audio', frequency: 880, ssrc: 2003 }),
  ]);
  await broadcast.setProgram({ speakerPeerId: null, chairPeerId: 'chair', lowerThird: { name: 'Präsidentin Dr. Erika Muster', faction: '' }, voteCard: null });
  await until(() => fs.existsSync(path.join(outDir, 'master.m3u8')) && segmentCount('video') >= 3, 20_000, 'the first segments');
});

afterAll(async () => {
  await broadcast?.stop().catch(() => undefined);
  await resumed?.stop().catch(() => undefined);
  await feeds?.stop();
  media?.close();
  await pool?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('Broadcast', () => {
  it('publishes a master playlist with one video, an audio rendition per language and captions', () => {
    const master = HLS.parse(fs.readFileSync(path.join(outDir, 'master.m3u8'), 'utf8'));
    expect(master.isMasterPlaylist).toBe(true);
    if (!master.isMasterPlaylist) return;
    expect(master.variants).toHaveLength(1);
    const variant = master.variants[0]!;
    expect(variant.resolution).toEqual({ width: 640, height: 360 });
    expect(variant.codecs).toBe('avc1.4d4028,mp4a.40.2');
    expect(variant.audio.map((a) => ({ language: a.language, name: a.name, isDefault: a.isDefault, groupId: a.groupId }))).toEqual([
      { language: 'de', name: 'Original', isDefault: true, groupId: 'audio' },
      { language: 'en', name: 'English', isDefault: false, groupId: 'audio' },
    ]);
    expect(variant.subtitles.map((s) => ({ language: s.language, name: s.name, groupId: s.groupId }))).toEqual([
      { language: 'de', name: 'Untertitel', groupId: 'subs' },
    ]);
    for (const uri of [variant.uri, ...variant.audio.map((a) => a.uri!), variant.subtitles[0]!.uri!]) {
      const media = HLS.parse(fs.readFileSync(path.join(outDir, uri), 'utf8'));
      expect(media.isMasterPlaylist).toBe(false);
      if (media.isMasterPlaylist) continue;
      expect(media.targetDuration).toBe(1);
      expect(media.segments.length).toBeGreaterThan(0);
      for (const s of media.segments) expect(fs.existsSync(path.join(outDir, path.dirname(uri), s.uri))).toBe(true);
    }
  });

  it('writes H.264 and AAC in one-second segments (ffprobe)', async () => {
    const video = mediaPlaylist('video').segments.slice(1, 3);
    for (const s of video) {
      expect(s.duration).toBeGreaterThan(0.9);
      expect(s.duration).toBeLessThan(1.1);
      const info = await probe(path.join(outDir, 'video', s.uri));
      expect(info.streams.map((st) => [st.codec_type, st.codec_name, st.width, st.height])).toEqual([['video', 'h264', 640, 360]]);
      expect(Number(info.format.duration)).toBeCloseTo(s.duration, 1);
    }
    for (const variant of ['audio_floor', 'audio_en']) {
      const s = mediaPlaylist(variant).segments[1]!;
      expect(s.duration).toBeGreaterThan(0.9);
      expect(s.duration).toBeLessThan(1.1);
      const info = await probe(path.join(outDir, variant, s.uri));
      expect(info.streams.map((st) => [st.codec_type, st.codec_name, st.sample_rate, st.channels])).toEqual([['audio', 'aac', '48000', 2]]);
    }
  });

  it('shows the chair with the sign-language inset while nobody holds the floor', async () => {
    const last = mediaPlaylist('video').segments.at(-1)!;
    const file = path.join(outDir, 'video', last.uri);
    expect((await frameColours(file, MAIN_CROP)).every(isBlue)).toBe(true);
    expect((await frameColours(file, INSET_CROP)).every(isGreen)).toBe(true);
  });

  it('switches the program to the member given the floor within a second, without a discontinuity', async () => {
    const pidBefore = broadcast.process.pid;
    const switched = new Promise<number>((resolve) =>
      broadcast.program.on('switched', (slot, source, waited) => slot === 'program' && source !== null && resolve(waited)),
    );
    const cpuFrom = { ffmpeg: cpuSeconds(pidBefore!), node: process.cpuUsage(), at: Date.now() };
    const floorChange = Date.now();
    await broadcast.setProgram({
      speakerPeerId: 'm1',
      chairPeerId: 'chair',
      lowerThird: { name: 'Max Beispiel', faction: 'Fraktion der Mitte' },
      voteCard: null,
    });
    const waited = await switched;
    const firstAfter = mediaPlaylist('video').segments.length;
    assertStreamOnTime(outDir, archiveDir);
    await until(
      () => {
        const segs = mediaPlaylist('video').segments;
        return segs.length >= firstAfter + 4 || (segs.at(-1)?.programDateTime?.getTime() ?? 0) > floorChange + 3_000;
      },
      15_000,
      'segments after the floor change',
    );

    // In program time: the first red frame's wall clock, from the segment's program date and frame rate.
    let firstRed: number | null = null;
    for (const s of mediaPlaylist('video').segments) {
      const start = s.programDateTime!.getTime();
      if (start + s.duration * 1_000 < floorChange - 1_000) continue;
      const colours = await frameColours(path.join(outDir, 'video', s.uri), MAIN_CROP);
      const i = colours.findIndex(isRed);
      if (i >= 0) {
        firstRed = start + i * 40;
        break;
      }
    }
    const programDelay = firstRed! - floorChange;
    const cpu = { ffmpeg: cpuSeconds(pidBefore!) - cpuFrom.ffmpeg, node: process.cpuUsage(cpuFrom.node), seconds: (Date.now() - cpuFrom.at) / 1_000 };
    console.info(
      `[broadcast] floor change: slot switched after ${waited} ms (key frame wait), first frame of the new speaker ${programDelay} ms after the change (program time); ` +
        `CPU over ${cpu.seconds.toFixed(1)} s: program FFmpeg ${((cpu.ffmpeg / cpu.seconds) * 100).toFixed(0)} % of a core, Node ${(((cpu.node.user + cpu.node.system) / 1e6 / cpu.seconds) * 100).toFixed(0)} %`,
    );
    expect(firstRed).not.toBeNull();
    expect(programDelay).toBeLessThan(1_000);
    expect(programDelay).toBeGreaterThan(-100);

    // The same FFmpeg, no discontinuity, and timestamps that run on across the switch.
    expect(broadcast.process.pid).toBe(pidBefore);
    const segments = mediaPlaylist('video').segments;
    expect(playlistText('video')).not.toContain('#EXT-X-DISCONTINUITY\n');
    const pts = await Promise.all(segments.map((s) => segmentStartPts(path.join(outDir, 'video', s.uri))));
    for (let i = 1; i < segments.length; i++) {
      expect(Math.abs(pts[i]! - pts[i - 1]! - segments[i - 1]!.duration * 90_000)).toBeLessThanOrEqual(3_600);
    }
  });

  it("puts a clerk's caption in the subtitles rendition, timed on the picture's clock", async () => {
    console.info(
      `[broadcast] segment write lag (ms): ${JSON.stringify(assertStreamOnTime(outDir, archiveDir, { variants: ['video', 'audio_floor', 'audio_en'] }))}`,
    );
    const at = new Date();
    broadcast.addCaption('Ich eröffne die Aussprache.', at);
    let vtt = '';
    await until(
      () => {
        const subs = mediaPlaylist('subs');
        const hit = subs.segments.map((s) => fs.readFileSync(path.join(outDir, 'subs', s.uri), 'utf8')).find((t) => t.includes('Ich eröffne die Aussprache.'));
        vtt = hit ?? '';
        return hit !== undefined;
      },
      10_000,
      'the caption',
    );
    const subs = mediaPlaylist('subs');
    const video = mediaPlaylist('video');
    expect(subs.mediaSequenceBase).toBe(video.mediaSequenceBase);
    expect(subs.segments.map((s) => s.duration)).toEqual(video.segments.slice(0, subs.segments.length).map((s) => s.duration));

    // LOCAL 0 is the run's first video PTS; the cue starts where the caption was given on the picture's program dates.
    const map = /X-TIMESTAMP-MAP=MPEGTS:(\d+),LOCAL:00:00:00.000/.exec(vtt);
    expect(map).not.toBeNull();
    const firstVideo = video.segments[0]!;
    const firstPts = await segmentStartPts(path.join(outDir, 'video', firstVideo.uri));
    const cueStart = /(\d\d):(\d\d):(\d\d)\.(\d{3}) -->/.exec(vtt)!;
    const cueSeconds = Number(cueStart[1]) * 3600 + Number(cueStart[2]) * 60 + Number(cueStart[3]) + Number(cueStart[4]) / 1000;
    const mapPts = Number(map![1]);
    const cueWall = firstVideo.programDateTime!.getTime() + ((mapPts - firstPts!) / 90_000 + cueSeconds) * 1_000;
    expect(Math.abs(cueWall - at.getTime())).toBeLessThan(50);
  });

  it('restarts a killed FFmpeg within 2 s and marks the gap with EXT-X-DISCONTINUITY', async () => {
    const pid = broadcast.process.pid!;
    const restarted = new Promise<number>((resolve) => {
      const check = setInterval(() => {
        const now = broadcast.process.pid;
        if (now !== null && now !== pid) {
          clearInterval(check);
          resolve(Date.now());
        }
      }, 10);
    });
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const restartMs = (await restarted) - killedAt;
    await until(
      () => playlistText('video').includes('#EXT-X-DISCONTINUITY') && mediaPlaylist('video').segments.at(-1)!.programDateTime!.getTime() > killedAt + 1_000,
      15_000,
      'segments of the restarted FFmpeg',
    );
    const firstNew = mediaPlaylist('video').segments.find((s) => s.discontinuity)!;
    console.info(
      `[broadcast] FFmpeg killed: restarted after ${restartMs} ms, first new segment's picture from ${firstNew.programDateTime!.getTime() - killedAt} ms after the kill`,
    );
    expect(restartMs).toBeLessThan(2_000);
    for (const variant of ['video', 'audio_floor', 'audio_en', 'subs']) {
      await until(() => mediaPlaylist(variant).segments.some((s) => s.discontinuity), 5_000, `the discontinuity in ${variant}`);
      const playlist = mediaPlaylist(variant);
      const gap = playlist.segments.findIndex((s) => s.discontinuity);
      expect(gap).toBeGreaterThan(0);
      // Timestamps restart after the gap, and the wall clock goes on.
      expect(playlist.segments[gap]!.programDateTime!.getTime()).toBeGreaterThan(killedAt);
    }
    // The new FFmpeg picks up the same program: the member on the floor.
    const last = mediaPlaylist('video').segments.at(-1)!;
    expect((await frameColours(path.join(outDir, 'video', last.uri), MAIN_CROP)).some(isRed)).toBe(true);
  });

  it('stops with an end-listed playlist and one MP4 per audio language covering the whole sitting', async () => {
    const archived = fs.readFileSync(path.join(archiveDir, 'video', 'index.m3u8'), 'utf8');
    result = await broadcast.stop();
    expect(playlistText('video')).toContain('#EXT-X-ENDLIST');
    const total = (HLS.parse(fs.readFileSync(path.join(archiveDir, 'video', 'index.m3u8'), 'utf8')) as HLS.types.MediaPlaylist).segments.reduce(
      (sum, s) => sum + s.duration,
      0,
    );
    expect(archived.length).toBeGreaterThan(0);
    expect(result.recordings.map((r) => [r.language, r.name, path.basename(r.file)])).toEqual([
      ['de', 'Original', 's1-floor.mp4'],
      ['en', 'English', 's1-en.mp4'],
    ]);
    for (const r of result.recordings) {
      const info = await probe(r.file);
      expect(info.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(Number(info.format.duration)).toBeGreaterThan(total - 0.5);
      expect(Number(info.format.duration)).toBeLessThan(total + 0.5);
    }
    expect(fs.readFileSync(result.captionsFile!, 'utf8')).toContain('Ich eröffne die Aussprache.');
  });

  it('goes on from the archive when started again for the same sitting (Plenum restarted)', async () => {
    const before = mediaPlaylist('video');
    const lastNumber = Number(/seg_(\d+)/.exec(before.segments.at(-1)!.uri)![1]);
    resumed = await Broadcast.start(programSource(media), options());
    await resumed.setProgram({ speakerPeerId: 'm1', chairPeerId: 'chair', lowerThird: null, voteCard: null });
    await until(
      () => !playlistText('video').includes('#EXT-X-ENDLIST') && mediaPlaylist('video').segments.at(-1)!.uri !== before.segments.at(-1)!.uri,
      15_000,
      'segments after the restart',
    );
    const after = mediaPlaylist('video');
    const firstNew = after.segments.findIndex((s) => Number(/seg_(\d+)/.exec(s.uri)![1]) > lastNumber);
    expect(after.segments[firstNew]!.discontinuity).toBe(true);
    expect(after.mediaSequenceBase! + firstNew).toBe(before.mediaSequenceBase! + before.segments.length);
    const archive = fs.readFileSync(path.join(archiveDir, 'video', 'index.m3u8'), 'utf8');
    expect(archive).not.toContain('#EXT-X-ENDLIST');
    expect((HLS.parse(archive) as HLS.types.MediaPlaylist).segments.length).toBeGreaterThan(before.segments.length);
  });
});
