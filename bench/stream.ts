/**
 * The public broadcast on this machine, end to end through the real server: glass-to-glass
 * latency, floor-switch delay and how many playlist and segment requests per second the server
 * serves.
 *
 *   npm run bench:stream [-- [--runs 1] [--busy-cores 0] [--watch 15] [--warmup 4] [--switches 5]
 *                            [--switch-every 4] [--connections 50] [--load 8] [--low-latency-mode 1]]
 *
 *   --runs N              N runs one after another, each with a fresh server; each run's figures
 *                         are printed, and the last line holds every run, the median and the worst
 *   --busy-cores K        K busy-loop processes run beside the bench (a machine shared with other work)
 *   --low-latency-mode 0  hls.js without lowLatencyMode: no playback-rate catch-up to the target
 *
 * The server runs in this process as the tests start it (App.create, PGlite, MEDIA_WORKERS 2,
 * BROADCAST on). The chair (a.keller) opens sitting-42 over GraphQL; she and two members
 * (j.brandt, l.vogel) join it and publish real producers into the sitting's media through plain
 * transports: the chair's camera is a stamped camera (bench/stamped-camera.ts: every frame
 * carries the wall clock it was made at, as a barcode), the members' cameras are solid red and
 * blue (streaming/lavfi-feeds.ts), each with a microphone.
 *
 * 1. Glass-to-glass: headless Chromium plays /hls/sitting-42/master.m3u8 with hls.js while the
 *    chair is on the program; for each camera frame the player shows (requestVideoFrameCallback),
 *    display time − the stamp in the picture: capture to display, nothing assumed. Its parts:
 *    capture → program date (the stamp against the frame's EXT-X-PROGRAM-DATE-TIME, read off the
 *    segments), and the player behind the program date (Date.now() − hls.playingDate); between
 *    them, when the program FFmpeg finished each segment and when it was in the public playlist.
 * 2. Floor switch: the chair grants the floor to one member, then the other, N times; each delay
 *    runs from the mutation's response to the first program frame in the HLS segments showing the
 *    new speaker's colour, timed by the segment's EXT-X-PROGRAM-DATE-TIME (±1 frame). The program
 *    feed's own `switched` event (key frame forwarded to FFmpeg) is reported beside it.
 * 3. autocannon (a child process, off the server's event loop) against the video playlist and
 *    the newest segment.
 *
 * Other processes on the machine are measured too (/proc): a phase during which they took more
 * than a quarter of a core is flagged CONTENDED. BENCH_STREAM_DEBUG=1 prints where a segment's
 * delay arises and the program's switch events and colour runs.
 *
 * Bounded: a watchdog ends a run after 180 s. The last line of output is one JSON object.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as HLS from 'hls-parser';
import { chromium, type Browser } from 'playwright-core';
import type { Person } from '../server/domain/parliament';
import type { SittingMedia } from '../server/media/sitting-media';
import type { Channel, MediaParticipant } from '../server/media/topology';
import type { Broadcast } from '../streaming/broadcast';
import { resolveFfmpeg } from '../streaming/ffmpeg-path';
import { firstPts } from '../streaming/ts-pts';
import { feedRtpParameters, LavfiFeeds, type LavfiFeed, type LavfiSource } from '../streaming/lavfi-feeds';
import { gql, startTestApp, type TestApp } from '../test/support/app';
import { chromiumArgs, chromiumPath } from '../test/support/chromium';
import { loginSession } from '../test/support/oidc-login';
import { CpuWatch, type CpuWindow } from './cpu-watch';
import { bitsFromLuma, readStamp, StampedCamera, STAMP } from './stamped-camera';
import { hlsConfig, playerPage, type PlayerState } from './stream-player';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

const S = 'sitting-42';
/** One run's bound. */
const WATCHDOG_MS = 180_000;
const GOALS = { glassToGlassMs: 3_000, floorSwitchMs: 1_000, segmentWrittenLagP95Ms: 400 };
/** Ports no test uses. */
const PORTS = { rtc: { min: 45000, max: 45999 }, broadcast: { min: 39600, max: 39699 } };
/** A crop of the program picture inside the camera's letterboxed area: below the stamp, right of the lower third. */
const MAIN_CROP = 'crop=100:40:420:222';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}
const OPT = {
  runs: Math.max(1, Math.round(arg('runs', 1))),
  busyCores: Math.round(arg('busy-cores', 0)),
  watchSeconds: arg('watch', 15),
  warmupSeconds: arg('warmup', 4),
  switches: Math.max(1, Math.round(arg('switches', 5))),
  switchEverySeconds: arg('switch-every', 4),
  connections: Math.max(1, Math.round(arg('connections', 50))),
  loadSeconds: Math.max(1, Math.round(arg('load', 8))),
  lowLatencyMode: arg('low-latency-mode', 1) !== 0,
};
const HLS_CONFIG = hlsConfig(OPT.lowLatencyMode);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(line);

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round = (v: number | null) => (v === null ? null : Math.round(v));
const stats = (values: readonly number[]) => ({
  p50: round(quantile(values, 0.5)),
  p95: round(quantile(values, 0.95)),
  max: round(quantile(values, 1)),
  n: values.length,
});
const fmt = (s: { p50: number | null; p95: number | null; n: number }, unit = 'ms') => `p50 ${s.p50 ?? '–'} ${unit}, p95 ${s.p95 ?? '–'} ${unit} (n=${s.n})`;

type Headers = Record<string, string>;

async function mutate(t: TestApp, who: Headers, field: string, args = ''): Promise<void> {
  const q = `mutation { r: ${field}(sittingId: "${S}"${args ? `, ${args}` : ''}) { __typename ... on Error { code message } ... on RuleViolation { rule } } }`;
  const res = await gql<{ r: { __typename: string; rule?: string; code?: string; message?: string } }>(t.baseUrl, q, {}, who);
  const r = res.body.data?.r;
  if (res.body.errors || !r?.__typename.endsWith('Success')) throw new Error(`${field} refused: ${JSON.stringify(res.body.errors ?? r)}`);
}

// ---------------------------------------------------------------------------------------------
// Program segments, read back from the public HLS directory.

interface ProgramFrame {
  /** Wall clock of the frame: its segment's program date plus its index at the program's rate. */
  readonly wall: number;
  readonly data: Buffer;
}

function videoPlaylist(hlsDir: string): HLS.types.MediaPlaylist {
  const parsed = HLS.parse(fs.readFileSync(path.join(hlsDir, 'video', 'index.m3u8'), 'utf8'));
  if (parsed.isMasterPlaylist) throw new Error('expected a media playlist');
  return parsed;
}

/** Every frame of the video segments overlapping [from, to], decoded through `filter` to raw `pixFmt`. */
async function programFrames(
  hlsDir: string,
  fps: number,
  from: number,
  to: number,
  filter: string,
  pixFmt: 'gray' | 'rgb24',
  bytesPerFrame: number,
): Promise<ProgramFrame[]> {
  const frames: ProgramFrame[] = [];
  for (const s of videoPlaylist(hlsDir).segments) {
    const start = s.programDateTime?.getTime();
    if (start === undefined || start + s.duration * 1_000 < from || start > to) continue;
    const { stdout } = await run(
      resolveFfmpeg().path,
      ['-v', 'error', '-f', 'mpegts', '-i', path.join(hlsDir, 'video', s.uri), '-vf', filter, '-f', 'rawvideo', '-pix_fmt', pixFmt, '-'],
      {
        encoding: 'buffer',
        maxBuffer: 1 << 26,
      },
    );
    for (let i = 0; (i + 1) * bytesPerFrame <= stdout.length; i++)
      frames.push({ wall: start + (i * 1_000) / fps, data: stdout.subarray(i * bytesPerFrame, (i + 1) * bytesPerFrame) });
  }
  return frames;
}

// ---------------------------------------------------------------------------------------------

interface Cleanup {
  cpu?: CpuWatch;
  poller?: NodeJS.Timeout;
  browser?: Browser;
  camera?: StampedCamera;
  feeds?: LavfiFeeds;
  app?: TestApp;
  dataDir?: string;
}
const cleanup: Cleanup = {};

async function tidy(): Promise<void> {
  cleanup.cpu?.stop();
  if (cleanup.poller) clearInterval(cleanup.poller);
  await cleanup.browser?.close().catch(() => undefined);
  await cleanup.camera?.stop().catch(() => undefined);
  await cleanup.feeds?.stop().catch(() => undefined);
  await cleanup.app?.stop().catch((error: unknown) => log(`app.stop() failed: ${String(error)}`));
  if (cleanup.dataDir) fs.rmSync(cleanup.dataDir, { recursive: true, force: true });
}

/** Other processes took more than a quarter of a core: the figure is not representative of this machine. */
const CONTENDED_PCT = 25;
const cpuNote = (w: CpuWindow) =>
  `CPU: bench ${w.ours} %, other processes ${w.others} % of a core${w.others > CONTENDED_PCT ? ' -- CONTENDED' : ''}; event loop held up to ${w.loopMaxMs} ms`;

async function main(): Promise<Record<string, unknown>> {
  const t0 = Date.now();
  const cpu = new CpuWatch();
  cleanup.cpu = cpu;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-bench-stream-'));
  cleanup.dataDir = dataDir;
  const t = await startTestApp({
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      MEDIA_WORKERS: '2',
      BROADCAST: 'on',
      RTC_MIN_PORT: String(PORTS.rtc.min),
      RTC_MAX_PORT: String(PORTS.rtc.max),
      BROADCAST_MIN_PORT: String(PORTS.broadcast.min),
      BROADCAST_MAX_PORT: String(PORTS.broadcast.max),
      HLS_DVR_SECONDS: '120',
    },
  });
  cleanup.app = t;
  const { app } = t;
  if (!app.broadcasts || !app.mediaRegistry) throw new Error('the server started without media or broadcast');
  const hlsDir = path.join(dataDir, 'hls', S);

  // The sitting: open, an item called, the chair and two members present.
  const people = await app.services.roster.people();
  const person = (username: string): Person => {
    const found = people.find((p) => p.username === username);
    if (!found) throw new Error(`no ${username} in the fixture`);
    return found;
  };
  const chair = person('a.keller');
  const members = [person('j.brandt'), person('l.vogel')] as const;
  const who: Record<string, Headers> = {};
  for (const p of [chair, ...members]) who[p.id] = { cookie: (await loginSession(t.baseUrl, p.username)).cookie };
  await mutate(t, who[chair.id]!, 'openSitting');
  const agenda = await gql<{ sitting: { agenda: { id: string }[] } }>(t.baseUrl, `{ sitting(id: "${S}") { agenda { id } } }`, {}, who[chair.id]);
  const item = agenda.body.data?.sitting.agenda[1]?.id ?? agenda.body.data?.sitting.agenda[0]?.id;
  if (item) await mutate(t, who[chair.id]!, 'callAgendaItem', `agendaItemId: "${item}"`);
  for (const p of [chair, ...members]) await mutate(t, who[p.id]!, 'joinSitting');

  // The broadcast started by itself when the sitting opened.
  const broadcasts = app.broadcasts as unknown as { live: Map<string, { broadcast: Broadcast }> };
  const broadcast = await until(() => broadcasts.live.get(S)?.broadcast, 20_000, 'the broadcast to start');
  const fps = broadcast.layout.video.fps;
  const switched: { at: number; slot: string; source: string | null; waited: number }[] = [];
  broadcast.program.on('switched', (slot, source, waited) => switched.push({ at: Date.now(), slot, source, waited }));

  // Cameras and microphones as real producers in the sitting's media.
  const media: SittingMedia = await app.mediaRegistry.getOrCreate(S);
  const floor: Channel = { kind: 'floor' };
  const participant = (p: Person): MediaParticipant => ({ id: p.id, roles: p.roles, booth: null });
  for (const p of [chair, ...members]) await media.join(participant(p), media.rtpCapabilities, { language: null, sign: false });
  const cameraOf = new Map<string, string>(); // producer id → person id
  const publish = async (p: Person, source: LavfiSource): Promise<LavfiFeed> => {
    const transport = await media.createPlainTransport(p.id, { comedia: true });
    const feed: LavfiFeed = { ...source, port: transport.port };
    const produced = await media.produce(p.id, transport.id, {
      kind: source.kind,
      rtpParameters: feedRtpParameters(feed),
      channel: floor,
      source: source.kind === 'video' ? 'camera' : 'microphone',
    });
    if (source.kind === 'video') cameraOf.set(produced.id, p.id);
    return feed;
  };
  const chairCamera = await publish(chair, { kind: 'video', color: 'gray', ssrc: 3001 });
  const colours = { [members[0].id]: 'red', [members[1].id]: 'blue' } as Record<string, 'red' | 'blue'>;
  cleanup.feeds = LavfiFeeds.start([
    await publish(members[0], { kind: 'video', color: 'red', ssrc: 3002 }),
    await publish(members[1], { kind: 'video', color: 'blue', ssrc: 3003 }),
    await publish(chair, { kind: 'audio', frequency: 440, ssrc: 4001 }),
    await publish(members[0], { kind: 'audio', frequency: 550, ssrc: 4002 }),
    await publish(members[1], { kind: 'audio', frequency: 660, ssrc: 4003 }),
  ]);
  cleanup.camera = StampedCamera.start(chairCamera.port, chairCamera.ssrc);
  const chairCameraId = [...cameraOf].find(([, personId]) => personId === chair.id)![0];

  await until(() => (broadcast.program.slots[0]!.liveSourceId === chairCameraId ? true : undefined), 20_000, "the chair's camera on the program");
  await until(
    () => (fs.existsSync(path.join(hlsDir, 'master.m3u8')) && videoPlaylist(hlsDir).segments.length >= 3 ? true : undefined),
    20_000,
    'the first segments',
  );
  log(
    `[bench:stream] live after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${t.baseUrl}/hls/${S}/master.m3u8, ${broadcast.layout.video.width}x${broadcast.layout.video.height}@${fps}, ${broadcast.layout.segmentSeconds} s segments`,
  );

  // When each segment appears in the public playlist, against the end of its picture (program date + duration).
  const seen = new Map<string, { at: number; end: number }>();
  let playlistMtime = 0;
  cleanup.poller = setInterval(() => {
    try {
      const mtime = fs.statSync(path.join(hlsDir, 'video', 'index.m3u8')).mtimeMs;
      if (mtime === playlistMtime) return;
      playlistMtime = mtime;
      for (const s of videoPlaylist(hlsDir).segments) {
        if (!seen.has(s.uri) && s.programDateTime) seen.set(s.uri, { at: Date.now(), end: s.programDateTime.getTime() + s.duration * 1_000 });
      }
    } catch {
      // being replaced: next time
    }
  }, 50);
  const publishLag = (from: number, to: number) => [...seen.values()].filter((s) => s.end >= from && s.end <= to).map((s) => s.at - s.end);

  // 1. Glass-to-glass in Chromium, the chair (stamped camera) on the program.
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs(), '--autoplay-policy=no-user-gesture-required'] });
  cleanup.browser = browser;
  const page = await browser.newPage();
  const hlsJs = fs.readFileSync(require.resolve('hls.js/dist/hls.min.js'), 'utf8');
  await page.route(`${t.baseUrl}/__bench/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: hlsJs })
      : route.fulfill({ contentType: 'text/html', body: playerPage(`${t.baseUrl}/hls/${S}/master.m3u8`, '/__bench/hls.min.js', HLS_CONFIG) }),
  );
  await page.goto(`${t.baseUrl}/__bench/player.html`);
  const playerState = () => page.evaluate(() => (window as unknown as { benchState: PlayerState }).benchState);
  const playing = await until(async () => ((await playerState()).frames.length > 0 ? Date.now() : undefined), 20_000, "the player's first frame").catch(
    async (error: unknown) => {
      throw new Error(`${String(error)}; player errors: ${(await playerState()).errors.join(', ')}`);
    },
  );
  const from = playing + OPT.warmupSeconds * 1_000;
  const to = from + OPT.watchSeconds * 1_000;
  await sleep(from - Date.now());
  cpu.window();
  await sleep(to - Date.now());
  const watchCpu = cpu.window();
  const state = await playerState();
  await browser.close();
  cleanup.browser = undefined;

  const inWindow = <T extends { at: number }>(xs: readonly T[]) => xs.filter((x) => x.at >= from && x.at <= to);
  // Each camera frame once: when the player first showed it.
  const g2g: number[] = [];
  let lastStamp: number | null = null;
  let unreadable = 0;
  for (const f of inWindow(state.frames)) {
    const stamp = readStamp(
      f.means.map((m) => (m > 126 ? 1 : 0)),
      f.at,
    );
    if (stamp === null) {
      unreadable++;
      continue;
    }
    if (stamp !== lastStamp) g2g.push(f.at - stamp);
    lastStamp = stamp;
  }
  const pdtLag = inWindow(state.samples).map((s) => s.pdtLag);
  const hlsLatency = inWindow(state.samples).map((s) => s.latency * 1_000);
  // Capture to program clock, read off the segments of the same window: program date of a frame − its stamp.
  const regionW = STAMP.cols * STAMP.cellWidth * STAMP.program.scale;
  const regionH = STAMP.rows * STAMP.cellHeight * STAMP.program.scale;
  const stampedFrames = await programFrames(
    hlsDir,
    fps,
    from,
    to,
    `crop=${regionW}:${regionH}:${STAMP.program.x}:${STAMP.program.y},format=gray`,
    'gray',
    regionW * regionH,
  );
  const captureToPdt: number[] = [];
  lastStamp = null;
  for (const f of stampedFrames) {
    const stamp = readStamp(bitsFromLuma(f.data, regionW, 0, 0, STAMP.program.scale), f.wall);
    if (stamp !== null && stamp !== lastStamp && f.wall >= from && f.wall <= to) captureToPdt.push(f.wall - stamp);
    if (stamp !== null) lastStamp = stamp;
  }
  const glass = stats(g2g);
  const pdt = stats(pdtLag);
  const capture = stats(captureToPdt);
  const published = stats(publishLag(from, to));
  log(
    `[bench:stream] glass-to-glass (camera stamp → Chromium/hls.js display, ${OPT.watchSeconds} s after ${OPT.warmupSeconds} s warm-up): ${fmt(glass)}; ${unreadable} frames unreadable, ${state.waiting} stalls, player errors: ${state.errors.length ? [...new Set(state.errors)].join(', ') : 'none'}`,
  );
  log(
    `[bench:stream]   of which: capture → program date (segments, PDT − stamp) ${fmt(capture)}; player behind program date (Date.now() − hls.playingDate) ${fmt(pdt)}; hls.js latency estimate ${fmt(stats(hlsLatency))}; config ${JSON.stringify(HLS_CONFIG)}`,
  );
  // The same segments as FFmpeg finished them: the archive copy's last write (FFmpeg renames its temp file when done).
  const archive = path.join(dataDir, 'archive', S);
  const ffmpegLag = videoPlaylist(hlsDir)
    .segments.filter(
      (seg) =>
        seg.programDateTime && seg.programDateTime.getTime() + seg.duration * 1_000 >= from && seg.programDateTime.getTime() + seg.duration * 1_000 <= to,
    )
    .map((seg) => fs.statSync(path.join(archive, 'video', seg.uri)).mtimeMs - (seg.programDateTime!.getTime() + seg.duration * 1_000));
  const written = stats(ffmpegLag);
  const startLag = stats(
    videoPlaylist(hlsDir)
      .segments.slice(0, 3)
      .map((seg) => fs.statSync(path.join(archive, 'video', seg.uri)).mtimeMs - (seg.programDateTime!.getTime() + seg.duration * 1_000)),
  );
  if (process.env.BENCH_STREAM_DEBUG) {
    const segs = videoPlaylist(hlsDir).segments;
    debugProgramFfmpeg(broadcast, archive, [...segs.slice(0, 3), ...segs.slice(-6, -1)]);
  }
  log(
    `[bench:stream]   after the end of its picture (program date + duration), the program FFmpeg finishes a segment ${fmt(written)} (its first 3 segments: p50 ${startLag.p50} ms), it is in the public playlist ${fmt(published)}; ${cpuNote(watchCpu)}`,
  );

  // 2. Floor switches: member A, member B, A, ...
  const switches: { to: string; requested: number; answered: number }[] = [];
  cpu.window();
  for (let i = 0; i < OPT.switches; i++) {
    if (i > 0) await sleep(Math.max(0, switches[i - 1]!.requested + OPT.switchEverySeconds * 1_000 - Date.now()));
    const target = members[i % 2]!;
    const requested = Date.now();
    await mutate(t, who[chair.id]!, 'grantFloor', `personId: "${target.id}"`);
    switches.push({ to: target.id, requested, answered: Date.now() });
  }
  const lastSwitch = switches.at(-1)!;
  const tail = Math.min(OPT.switchEverySeconds * 1_000, 4_000);
  const newestEnd = () => {
    const last = videoPlaylist(hlsDir).segments.at(-1);
    return last?.programDateTime ? last.programDateTime.getTime() + last.duration * 1_000 : 0;
  };
  await until(() => (newestEnd() > lastSwitch.answered + tail ? true : undefined), 15_000, 'segments after the last switch').catch(() =>
    log(
      `[bench:stream] WARNING: the program is late: its newest segment ends ${Math.round((Date.now() - newestEnd()) / 1000)} s ago; program FFmpeg runs so far: ${broadcast.process.runs}`,
    ),
  );
  const switchCpu = cpu.window();
  const colourFrames = await programFrames(hlsDir, fps, switches[0]!.requested - 1_000, lastSwitch.answered + tail, `${MAIN_CROP},scale=1:1`, 'rgb24', 3);
  const is = { red: (d: Buffer) => d[0]! > 180 && d[1]! < 80 && d[2]! < 80, blue: (d: Buffer) => d[2]! > 180 && d[0]! < 80 && d[1]! < 80 };
  const toFrame: number[] = [];
  const toEvent: number[] = [];
  const mutationMs: number[] = [];
  let slateStandIns = 0;
  switches.forEach((s, i) => {
    const until_ = switches[i + 1]?.requested ?? Infinity;
    const colour = colours[s.to]!;
    const first = colourFrames.find((f) => f.wall >= s.requested - 500 && f.wall < until_ && is[colour](f.data));
    if (first) toFrame.push(first.wall - s.answered);
    const camera = [...cameraOf].find(([, personId]) => personId === s.to)![0];
    const event = switched.find((e) => e.slot === 'program' && e.at >= s.requested && e.at < until_ && e.source === camera);
    if (event) toEvent.push(event.at - s.answered);
    slateStandIns += switched.filter((e) => e.slot === 'program' && e.at >= s.requested && e.at < until_ && e.source === null).length;
    mutationMs.push(s.answered - s.requested);
    log(
      `[bench:stream]   switch ${i + 1} → ${colour}: mutation ${s.answered - s.requested} ms, program feed switched +${event ? event.at - s.answered : '–'} ms (key frame wait ${event?.waited ?? '–'} ms), first ${colour} frame in the HLS +${first ? Math.round(first.wall - s.answered) : '–'} ms`,
    );
  });
  if (process.env.BENCH_STREAM_DEBUG) {
    const base = switches[0]!.requested;
    const lagNow = videoPlaylist(hlsDir).segments.map((seg) => {
      const end = seg.programDateTime!.getTime() + seg.duration * 1_000;
      return `${Math.round((end - base) / 1000)}s:${Math.round(fs.statSync(path.join(archive, 'video', seg.uri)).mtimeMs - end)}`;
    });
    log(`[debug] FFmpeg write lag by segment end (s from the first switch: ms): ${lagNow.join(' ')}`);
    log(`[debug] switches at ${switches.map((s) => `${s.requested - base}/${s.answered - base}`).join(' ')}`);
    log(
      `[debug] program slot events ${switched
        .filter((e) => e.slot === 'program' && e.at >= base - 1_000)
        .map((e) => `${e.at - base}:${e.source === null ? 'slate' : (colours[cameraOf.get(e.source) ?? ''] ?? 'chair')}(${e.waited})`)
        .join(' ')}`,
    );
    let prev = '';
    const runs: string[] = [];
    for (const f of colourFrames) {
      const c = is.red(f.data) ? 'R' : is.blue(f.data) ? 'B' : `(${f.data[0]},${f.data[1]},${f.data[2]})`;
      if (c !== prev) runs.push(`${Math.round(f.wall - base)}:${c}`);
      prev = c;
    }
    log(`[debug] program frames (colour runs) ${runs.join(' ')}`);
  }
  const floorSwitch = stats(toFrame);
  const feedSwitch = stats(toEvent);
  log(
    `[bench:stream] floor switch (grantFloor response → first program frame of the new speaker, by EXT-X-PROGRAM-DATE-TIME): ${fmt(floorSwitch)}; program feed's switch event ${fmt(feedSwitch)}; grantFloor round trip ${fmt(stats(mutationMs))}; slate stood in ${slateStandIns} times; ${cpuNote(switchCpu)}`,
  );

  // 3. Requests per second: autocannon in its own process.
  const segment = videoPlaylist(hlsDir).segments.at(-1)!;
  const segmentUrl = `${t.baseUrl}/hls/${S}/video/${segment.uri}`;
  const playlistUrl = `${t.baseUrl}/hls/${S}/video/index.m3u8`;
  const segmentBytes = fs.statSync(path.join(hlsDir, 'video', segment.uri)).size;
  clearInterval(cleanup.poller);
  cpu.window();
  const playlist = await autocannon(playlistUrl);
  const playlistCpu = cpu.window();
  log(
    `[bench:stream] playlist ${playlistUrl.replace(t.baseUrl, '')}: ${playlist.rps} req/s, latency p50 ${playlist.p50} ms, p99 ${playlist.p99} ms, ${OPT.connections} connections × ${OPT.loadSeconds} s, non-2xx ${playlist.non2xx}, errors ${playlist.errors}; ${cpuNote(playlistCpu)}`,
  );
  const seg = await autocannon(segmentUrl);
  const segmentCpu = cpu.window();
  log(
    `[bench:stream] segment ${segmentUrl.replace(t.baseUrl, '')} (${Math.round(segmentBytes / 1024)} KiB): ${seg.rps} req/s (${Math.round((seg.bytesPerSecond * 8) / 1e6)} Mbit/s), latency p50 ${seg.p50} ms, p99 ${seg.p99} ms, non-2xx ${seg.non2xx}, errors ${seg.errors}; ${cpuNote(segmentCpu)}`,
  );

  const contended = [watchCpu, switchCpu, playlistCpu, segmentCpu].some((w) => w.others > CONTENDED_PCT);
  if (contended)
    log(
      `[bench:stream] CONTENDED: other processes took more than ${CONTENDED_PCT} % of a core during a measurement; the figures are not representative of this machine`,
    );
  const met = {
    glassToGlass: glass.p50 !== null && glass.p50 <= GOALS.glassToGlassMs,
    floorSwitch: floorSwitch.p50 !== null && floorSwitch.p50 <= GOALS.floorSwitchMs,
  };
  if (broadcast.process.runs > 1) log(`[bench:stream] WARNING: the program FFmpeg was restarted ${broadcast.process.runs - 1} times during the run`);
  log(
    `[bench:stream] goals: glass-to-glass ≤ ${GOALS.glassToGlassMs} ms ${met.glassToGlass ? 'met' : 'NOT met'}, floor switch ≤ ${GOALS.floorSwitchMs} ms ${met.floorSwitch ? 'met' : 'NOT met'}; run took ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return {
    bench: 'stream',
    glass_to_glass_ms_p50: glass.p50,
    floor_switch_ms_p50: floorSwitch.p50,
    segment_requests_per_s: seg.rps,
    glass_to_glass_ms_p95: glass.p95,
    glass_to_glass_samples: glass.n,
    capture_to_pdt_ms_p50: capture.p50,
    segment_written_lag_ms_p50: written.p50,
    segment_written_lag_ms_p95: written.p95,
    segment_written_lag_ms_max: written.max,
    segment_written_lag_first_segments_ms_p50: startLag.p50,
    segment_publish_lag_ms_p50: published.p50,
    player_behind_pdt_ms_p50: pdt.p50,
    player_behind_pdt_ms_p95: pdt.p95,
    player_stalls: state.waiting,
    floor_switch_ms_p95: floorSwitch.p95,
    floor_switch_samples: floorSwitch.n,
    floor_switch_feed_event_ms_p50: feedSwitch.p50,
    playlist_requests_per_s: playlist.rps,
    playlist_latency_ms_p99: playlist.p99,
    segment_latency_ms_p99: seg.p99,
    segment_bytes: segmentBytes,
    connections: OPT.connections,
    goals_met: met.glassToGlass && met.floorSwitch,
    hls_low_latency_mode: OPT.lowLatencyMode,
    program_ffmpeg_runs: broadcast.process.runs,
    event_loop_max_ms: Math.max(watchCpu.loopMaxMs, switchCpu.loopMaxMs),
    other_cpu_pct: Math.max(watchCpu.others, switchCpu.others, playlistCpu.others, segmentCpu.others),
    contended,
  };
}

/**
 * BENCH_STREAM_DEBUG: where a segment's delay arises. Per segment: when FFmpeg wrote its video
 * and floor audio after the end of its picture, and their start PTS; the kernel's receive queues
 * of FFmpeg's input sockets (data waiting there means FFmpeg reads too slowly); FFmpeg's stderr.
 */
function debugProgramFfmpeg(broadcast: Broadcast, archive: string, segments: readonly HLS.types.Segment[]): void {
  const rows = segments.map((seg) => {
    const end = seg.programDateTime!.getTime() + seg.duration * 1_000;
    const file = (variant: string) => path.join(archive, variant, seg.uri);
    const lag = (variant: string) => (fs.existsSync(file(variant)) ? Math.round(fs.statSync(file(variant)).mtimeMs - end) : '–');
    const pts = (variant: string) => (fs.existsSync(file(variant)) ? firstPts(fs.readFileSync(file(variant))) : null);
    const [v, a] = [pts('video'), pts('audio_floor')];
    return `  ${seg.uri}: FFmpeg wrote video +${lag('video')} ms, floor audio +${lag('audio_floor')} ms; audio − video start PTS ${v !== null && a !== null ? Math.round((a - v) / 90) : '–'} ms`;
  });
  log(`[debug] program segments:\n${rows.join('\n')}`);
  const ports = new Set(broadcast.program.ports.map((p) => p.toString(16).toUpperCase().padStart(4, '0')));
  const queues = fs
    .readFileSync('/proc/net/udp', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1] !== undefined && ports.has(f[1].split(':')[1]!))
    .map((f) => `${parseInt(f[1]!.split(':')[1]!, 16)}: ${parseInt(f[4]!.split(':')[1]!, 16)} B queued, ${f[12]} dropped`);
  log(`[debug] program FFmpeg input sockets: ${queues.join('; ')}`);
  const tail = (broadcast as unknown as { supervisor: { stderrTail: string[] } }).supervisor.stderrTail;
  log(`[debug] program FFmpeg stderr (last lines):\n${tail.slice(-12).join('\n')}`);
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytesPerSecond: number;
}

/** autocannon's CLI in a child process: its requests do not share the server's event loop. */
async function autocannon(url: string): Promise<LoadResult> {
  const cli = require.resolve('autocannon/autocannon.js');
  const child = spawn(process.execPath, [cli, '-c', String(OPT.connections), '-d', String(OPT.loadSeconds), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${err.slice(-500)}`);
  const r = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    throughput: { average: number };
  };
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    bytesPerSecond: r.throughput.average,
  };
}

/** One run: a fresh server and data folder, tidied up whatever happens; a watchdog bounds it. */
async function runOnce(): Promise<Record<string, unknown>> {
  let watchdog: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => reject(new Error(`watchdog: still running after ${WATCHDOG_MS / 1000} s`)), WATCHDOG_MS);
  });
  try {
    return await Promise.race([main(), timedOut]);
  } catch (error) {
    log(`[bench:stream] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      bench: 'stream',
      error: error instanceof Error ? error.message : String(error),
      glass_to_glass_ms_p50: null,
      floor_switch_ms_p50: null,
      segment_requests_per_s: null,
    };
  } finally {
    clearTimeout(watchdog);
    await Promise.race([tidy(), sleep(8_000)]);
    for (const key of Object.keys(cleanup) as (keyof Cleanup)[]) delete cleanup[key];
  }
}

/** Busy loops in their own processes: the machine shared with other work. */
function busyCores(n: number): () => void {
  const children = Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => children.forEach((c) => c.kill('SIGKILL'));
}

/** Per numeric figure: the median and the worst run (the highest, except for request rates, where the lowest). */
/** A run's figure as printed: a number, or a dash where the run has none. */
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : '–');

function summarise(results: readonly Record<string, unknown>[]): { median: Record<string, number>; worst: Record<string, number> } {
  const median: Record<string, number> = {};
  const worst: Record<string, number> = {};
  const higherIsBetter = (key: string) => key.endsWith('_per_s') || key.endsWith('_samples') || key === 'segment_bytes' || key === 'connections';
  for (const key of Object.keys(results[0] ?? {})) {
    const values = results.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) continue;
    const sorted = [...values].sort((a, b) => a - b);
    median[key] = sorted[Math.floor((sorted.length - 1) / 2)]!;
    worst[key] = higherIsBetter(key) ? sorted[0]! : sorted.at(-1)!;
  }
  return { median, worst };
}

async function runAll(): Promise<void> {
  const stopBusy = busyCores(OPT.busyCores);
  const results: Record<string, unknown>[] = [];
  try {
    for (let i = 1; i <= OPT.runs; i++) {
      if (OPT.runs > 1) log(`[bench:stream] run ${i} of ${OPT.runs}${OPT.busyCores ? ` (${OPT.busyCores} busy cores beside it)` : ''}`);
      const result = { ...(await runOnce()), busy_cores: OPT.busyCores };
      results.push(result);
      if (OPT.runs > 1) log(`[bench:stream] run ${i}: ${JSON.stringify(result)}`);
    }
  } finally {
    stopBusy();
  }
  const failed = results.filter((r) => 'error' in r).length;
  if (OPT.runs === 1) {
    console.log(JSON.stringify(results[0]));
  } else {
    const { median, worst } = summarise(results.filter((r) => !('error' in r)));
    const lagGoal = results.every(
      (r) => typeof r['segment_written_lag_ms_p95'] === 'number' && r['segment_written_lag_ms_p95'] <= GOALS.segmentWrittenLagP95Ms,
    );
    log(
      `[bench:stream] ${OPT.runs} runs, ${failed} failed; segment write lag p95 per run: ${results.map((r) => shown(r['segment_written_lag_ms_p95'])).join(', ')} ms (goal ≤ ${GOALS.segmentWrittenLagP95Ms} ms in every run: ${lagGoal ? 'met' : 'NOT met'}); glass-to-glass p50 per run: ${results.map((r) => shown(r['glass_to_glass_ms_p50'])).join(', ')} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'stream',
        runs: OPT.runs,
        failed_runs: failed,
        busy_cores: OPT.busyCores,
        segment_write_lag_goal_met: lagGoal,
        median,
        worst,
        per_run: results,
      }),
    );
  }
  process.exit(failed > 0 ? 1 : 0);
}

void runAll();
