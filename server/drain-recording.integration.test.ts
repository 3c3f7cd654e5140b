/**
 * SIGTERM while a sitting is open and broadcast, with the server as a child process (as in
 * production) on PostgreSQL, with a media worker and BROADCAST=on. The stop must finalise the
 * recording (issue #11: "finalise recordings"): the playlists end-listed, one playable MP4 per audio
 * language covering the broadcast up to the signal, listed beside the stream; and the process exits
 * 0 within STOP_BOUND_MS. Started again, the server goes on broadcasting the still-open sitting from
 * its archive, and the close assembles the whole sitting. Nobody publishes a camera: the program's slate and the floor's silence
 * are what FFmpeg encodes, which is content enough for the files' lengths.
 * Needs TEST_DATABASE_URL (or DATABASE_URL); skipped without.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { procedure, signInAll } from '../test/support/procedure-client';
import { startServerProcess, type ServerProcess } from '../test/support/server-process';
import { parseMediaPlaylist } from '../streaming/media-playlist';
import { resolveFfprobe } from '../streaming/ffmpeg-path';
import { STOP_BOUND_MS } from './app';

const S = 'sitting-42';
const BROADCAST_SECONDS = 12;
const postgres = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const run = promisify(execFile);

interface Probe {
  format: { duration: string };
  streams: { codec_type: string }[];
}

async function probe(file: string): Promise<{ seconds: number; kinds: string[] }> {
  const { stdout } = await run(resolveFfprobe().path, ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', file]);
  const p = JSON.parse(stdout) as Probe;
  return { seconds: Number(p.format.duration), kinds: p.streams.map((s) => s.codec_type).sort() };
}

interface Listed {
  language: string;
  name: string;
  path: string;
  durationSeconds: number;
}
const listedRecordings = async (hls: string): Promise<Listed[]> =>
  JSON.parse(await fs.readFile(path.join(hls, 'recordings', 'recordings.json'), 'utf8')) as Listed[];

const segmentsIn = async (file: string): Promise<number> =>
  (await fs.readFile(file, 'utf8').catch(() => '')).split('\n').filter((l) => l.endsWith('.ts')).length;

describe.skipIf(!postgres)('SIGTERM during a broadcast', () => {
  // Ports no other test file uses (other media tests hold 41000–48999, the broadcasts test 39500–39599).
  const env = {
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    MEDIA_WORKERS: '1',
    BROADCAST: 'on',
    RTC_MIN_PORT: '51000',
    RTC_MAX_PORT: '51499',
    BROADCAST_MIN_PORT: '39600',
    BROADCAST_MAX_PORT: '39699',
    HLS_DVR_SECONDS: '30',
  };
  let broadcastSeconds = 0;
  let db: TestDatabase;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-drain-recording-'));
    server = await startServerProcess({ databaseUrl: db.url!, dataDir, env });
  });
  afterAll(async () => {
    await server?.kill9();
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('finalises the recording and exits 0 within its bound', async () => {
    const s = server!;
    const chair = (await signInAll(s.baseUrl, ['a.keller'], 'session')).get('a.keller')!;
    await procedure(s.baseUrl, chair, S, 'openSitting');
    const hls = path.join(dataDir, 'hls', S);
    const archive = path.join(dataDir, 'archive', S);
    const deadline = Date.now() + 30_000 + BROADCAST_SECONDS * 1_000;
    while ((await segmentsIn(path.join(hls, 'video', 'index.m3u8'))) < BROADCAST_SECONDS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await segmentsIn(path.join(hls, 'video', 'index.m3u8')), s.output()).toBeGreaterThanOrEqual(BROADCAST_SECONDS);
    // Not yet finalised: the stop must be what does it.
    expect(await fs.readFile(path.join(hls, 'video', 'index.m3u8'), 'utf8')).not.toContain('#EXT-X-ENDLIST');
    await expect(fs.stat(path.join(hls, 'recordings'))).rejects.toThrow();

    const signalledAt = Date.now();
    const signalled = performance.now();
    process.kill(s.pid, 'SIGTERM');
    const exit = await Promise.race([s.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), STOP_BOUND_MS + 5_000))]);
    const exitMs = Math.round(performance.now() - signalled);
    expect(exit, `no clean exit within ${STOP_BOUND_MS + 5_000} ms\n${s.output()}`).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(STOP_BOUND_MS);

    // Every playlist, public and archive, is end-listed.
    const variants = ['video', 'audio_floor', 'audio_en', 'audio_fr'];
    for (const dir of [hls, archive]) {
      for (const v of variants) expect(await fs.readFile(path.join(dir, v, 'index.m3u8'), 'utf8'), `${dir}/${v}`).toContain('#EXT-X-ENDLIST');
    }
    // The archive holds the broadcast up to the signal: its last segment began at most a few seconds before it.
    const archived = parseMediaPlaylist(await fs.readFile(path.join(archive, 'video', 'index.m3u8'), 'utf8')).segments;
    broadcastSeconds = archived.reduce((sum, seg) => sum + seg.duration, 0);
    const last = archived.at(-1)!;
    expect(last.programDateTime).toBeDefined();
    expect(signalledAt - (last.programDateTime! + last.duration * 1_000)).toBeLessThan(3_000);
    expect(broadcastSeconds).toBeGreaterThanOrEqual(BROADCAST_SECONDS);

    // One MP4 per audio language, listed beside the stream, each playable and as long as the broadcast.
    const listed = await listedRecordings(hls);
    const mp4s = listed.filter((r) => r.name.length > 0 && r.path.endsWith('.mp4'));
    expect(mp4s.map((r) => r.language)).toEqual(['de', 'en', 'fr']);
    const lengths: number[] = [];
    for (const r of mp4s) {
      const file = path.join(hls, 'recordings', path.basename(r.path));
      const p = await probe(file);
      expect(p.kinds, file).toEqual(['audio', 'video']);
      expect(Math.abs(p.seconds - broadcastSeconds), `${file}: ${p.seconds} s, broadcast ${broadcastSeconds} s`).toBeLessThan(1);
      expect(Math.abs(r.durationSeconds - broadcastSeconds)).toBeLessThan(0.5);
      lengths.push(p.seconds);
    }
    const stopped = s
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; fields?: { totalMs: number } })
      .find((l) => l.msg === 'stop() | stopped');
    expect(stopped, s.output()).toBeDefined();
    console.info(
      `[drain-recording] SIGTERM → exit 0 in ${exitMs} ms (bound ${STOP_BOUND_MS} ms; stop ${stopped!.fields!.totalMs} ms); ` +
        `broadcast ${broadcastSeconds.toFixed(1)} s, MP4s ${lengths.map((x) => x.toFixed(2)).join(' / ')} s`,
    );
  });
  it('goes on broadcasting after a restart, and the close assembles the whole sitting', async () => {
    const before = server!;
    server = await startServerProcess({ databaseUrl: db.url!, dataDir, port: before.port, env });
    const hls = path.join(dataDir, 'hls', S);
    const archive = path.join(dataDir, 'archive', S);
    const videoList = path.join(archive, 'video', 'index.m3u8');
    const deadline = Date.now() + 40_000;
    // The archive's list is reopened and grows by at least five seconds.
    const grown = () =>
      fs
        .readFile(videoList, 'utf8')
        .then((t) => !t.includes('#EXT-X-ENDLIST') && parseMediaPlaylist(t).segments.reduce((sum, seg) => sum + seg.duration, 0) > broadcastSeconds + 5);
    while (!(await grown()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await grown(), server.output()).toBe(true);
    const chair = (await signInAll(server.baseUrl, ['a.keller'], 'session')).get('a.keller')!;
    await procedure(server.baseUrl, chair, S, 'closeSitting');
    let listed: Listed[] = [];
    while (Date.now() < deadline + 30_000) {
      listed = await listedRecordings(hls).catch(() => []);
      if (listed.some((r) => r.durationSeconds > broadcastSeconds + 5)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const whole = parseMediaPlaylist(await fs.readFile(videoList, 'utf8'));
    expect(whole.endList).toBe(true);
    const total = whole.segments.reduce((sum, seg) => sum + seg.duration, 0);
    const mp4s = listed.filter((r) => r.path.endsWith('.mp4'));
    expect(mp4s.map((r) => r.language)).toEqual(['de', 'en', 'fr']);
    for (const r of mp4s) {
      const p = await probe(path.join(hls, 'recordings', path.basename(r.path)));
      expect(p.kinds).toEqual(['audio', 'video']);
      expect(Math.abs(p.seconds - total), `${r.path}: ${p.seconds} s, sitting ${total} s`).toBeLessThan(1);
    }
    await fs.readdir(path.join(archive, 'recordings')).then((names) => expect(names.filter((n) => n.endsWith('.part'))).toEqual([]));
    console.info(
      `[drain-recording] after the restart: sitting closed at ${total.toFixed(1)} s (${broadcastSeconds.toFixed(1)} s before the stop), MP4s of the whole sitting`,
    );
  });
});
