/**
 * The program FFmpeg alone, without the server or a player: where a segment's delay arises.
 *
 *   npm run bench:program [-- [--seconds 30] [--trace]]
 *
 * A mediasoup worker, the broadcast (streaming/broadcast.ts) and synthetic cameras and microphones
 * (streaming/lavfi-feeds.ts): the chair on the program, a member given the floor and taken off it
 * every 4 s, and the English and French booths, whose interpreters start speaking 4 s in (a source
 * that starts late: the case that put an audio chain's clock back in issue #9). Per rendition it
 * prints how late FFmpeg finished each segment after the end of its picture (the archive copy's
 * mtime − program date − duration).
 *
 * --trace runs the program FFmpeg with -debug_ts, each stderr line stamped with the wall clock on
 * arrival, and prints per stage how far behind the wall clock a timestamp passes it (demuxer,
 * encoder input, muxer input; by media type), timestamps that went back (a clock reset), and
 * FFmpeg's warnings. The last line of output is one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/log';
import { SittingMedia } from '../server/media/sitting-media';
import { EMPTY_FLOOR, type Channel, type MediaParticipant } from '../server/media/topology';
import { WorkerPool } from '../server/media/worker-pool';
import { programSource } from '../server/broadcast/program-source';
import { Broadcast } from '../streaming/broadcast';
import { resolveFfmpeg } from '../streaming/ffmpeg-path';
import { LavfiFeeds, type LavfiFeed, type LavfiSource } from '../streaming/lavfi-feeds';
import { publishFeed } from '../test/support/publish-feed';
import { segmentWriteLags } from '../test/support/stream-lag';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const SECONDS = arg('seconds', 30);
const TRACE = process.argv.includes('--trace');
/** Ports no test uses. */
const RTC = { min: 45500, max: 45999 };
const PROGRAM = { min: 39800, max: 39899 };
const log = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-bench-program-'));
/** The synthetic cameras and microphones: stopped whatever happens, or they would outlive the bench. */
const feeds: LavfiFeeds[] = [];
const traceFile = path.join(scratch, 'ffmpeg-trace.txt');

/**
 * --trace: an FFMPEG_BIN that runs the real FFmpeg, adding -debug_ts to the program's run (the
 * one reading program.sdp) and writing its stderr lines, each behind Date.now(), to the trace.
 */
function traceWrapper(ffmpeg: string): string {
  const wrapper = path.join(scratch, 'ffmpeg-trace.mjs');
  fs.writeFileSync(
    wrapper,
    `#!${process.execPath}
import { spawn } from 'node:child_process';
import fs from 'node:fs';
const args = process.argv.slice(2);
const program = args.includes('program.sdp');
const real = program ? ['-debug_ts', ...args.map((a, i) => (args[i - 1] === '-loglevel' ? 'info' : a))] : args;
const child = spawn(${JSON.stringify(ffmpeg)}, real, { stdio: ['ignore', 'inherit', program ? 'pipe' : 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
if (program) {
  const out = fs.createWriteStream(${JSON.stringify(traceFile)}, { flags: 'a' });
  let rest = '';
  child.stderr.on('data', (chunk) => {
    const now = Date.now();
    const lines = (rest + chunk).split('\\n');
    rest = lines.pop();
    for (const line of lines) out.write(now + ' ' + line + '\\n');
  });
}
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
`,
  );
  fs.chmodSync(wrapper, 0o755);
  return wrapper;
}

interface StageLag {
  p50: number;
  p95: number;
  n: number;
}

/** From the trace: per stage and media type, wall clock − (run start + timestamp), relative to the demuxer's best. */
function analyseTrace(): { stages: Record<string, StageLag>; clockResets: number; warnings: string[] } {
  const lines = fs.readFileSync(traceFile, 'utf8').split('\n');
  const samples = new Map<string, number[]>();
  const lastPts = new Map<string, number>();
  const warnings = new Map<string, number>();
  let clockResets = 0;
  let base: number | null = null;
  const stage = /^(\d+) (demuxer|encoder|muxer) (?:->|<-) (?:ist_index:\d+ )?type:(\w+) .*?(?:pkt_pts_time|frame_pts_time):(-?[\d.e-]+)/;
  for (const line of lines) {
    const m = stage.exec(line);
    if (!m) {
      const w = /^\d+ (\[.*)$/.exec(line)?.[1];
      if (w && /Non-monotonous|backward|late|drop|Error/i.test(w)) {
        const key = w
          .replace(/0x[0-9a-f]+/g, '')
          .replace(/-?\d+(\.\d+)?/g, 'N')
          .slice(0, 120);
        warnings.set(key, (warnings.get(key) ?? 0) + 1);
      }
      continue;
    }
    const wall = Number(m[1]);
    const pts = Number(m[4]) * 1_000;
    const key = `${m[2]} ${m[3]}`;
    base ??= wall - pts;
    (samples.get(key) ?? samples.set(key, []).get(key)!).push(wall - base - pts);
    // Encoder input per media type interleaves renditions; a drop of more than a second is a clock put back.
    if (m[2] === 'encoder' && line.includes('encoder <-')) {
      const previous = lastPts.get(key);
      if (previous !== undefined && pts < previous - 1_000) clockResets++;
      lastPts.set(key, Math.max(previous ?? pts, pts));
    }
  }
  const demuxBest = Math.min(...(samples.get('demuxer video') ?? [0]), ...(samples.get('demuxer audio') ?? [0]));
  const stages: Record<string, StageLag> = {};
  for (const [key, values] of samples) {
    const sorted = values.map((v) => v - demuxBest).sort((a, b) => a - b);
    stages[key] = { p50: Math.round(sorted[Math.floor(sorted.length / 2)]!), p95: Math.round(sorted[Math.ceil(sorted.length * 0.95) - 1]!), n: sorted.length };
  }
  return { stages, clockResets, warnings: [...warnings].map(([w, n]) => `${n}× ${w}`) };
}

async function main(): Promise<Record<string, unknown>> {
  if (TRACE) process.env['FFMPEG_BIN'] = traceWrapper(resolveFfmpeg().path);
  const outDir = path.join(scratch, 'hls');
  const archiveDir = path.join(scratch, 'archive');
  const pool = await WorkerPool.create({ workers: 1, rtcMinPort: RTC.min, rtcMaxPort: RTC.max, logLevel: 'silent' }, log);
  const media = await SittingMedia.create({ sittingId: 'bench', pool, log, listen: { ip: '127.0.0.1', announcedAddress: undefined, portRange: RTC } });
  const broadcast = await Broadcast.start(programSource(media), {
    outDir,
    archiveDir,
    dvrSeconds: SECONDS + 30,
    floor: { language: 'de', name: 'Original' },
    interpretations: [
      { language: 'en', name: 'English' },
      { language: 'fr', name: 'Français' },
    ],
    ports: PROGRAM,
    log,
  });
  const people: MediaParticipant[] = [
    { id: 'chair', roles: ['chair', 'member'], booth: null },
    { id: 'member', roles: ['member'], booth: null },
    { id: 'en', roles: ['interpreter'], booth: { id: 'booth-en', language: 'en', kind: 'spoken' } },
    { id: 'fr', roles: ['interpreter'], booth: { id: 'booth-fr', language: 'fr', kind: 'spoken' } },
  ];
  for (const p of people) await media.join(p, media.rtpCapabilities, { language: null, sign: false });
  await media.setFloor({
    ...EMPTY_FLOOR,
    speakers: ['member'],
    liveInterpreters: new Map([
      ['booth-en', 'en'],
      ['booth-fr', 'fr'],
    ]),
  });
  const publish = (who: string, channel: Channel, source: LavfiSource): Promise<LavfiFeed> => publishFeed(media, who, channel, source);
  const floor: Channel = { kind: 'floor' };
  feeds.push(
    LavfiFeeds.start([
      await publish('chair', floor, { kind: 'video', color: 'blue', ssrc: 5001 }),
      await publish('member', floor, { kind: 'video', color: 'red', ssrc: 5002 }),
      await publish('chair', floor, { kind: 'audio', frequency: 440, ssrc: 5101 }),
      await publish('member', floor, { kind: 'audio', frequency: 660, ssrc: 5102 }),
    ]),
  );
  await broadcast.setProgram({ speakerPeerId: null, chairPeerId: 'chair', lowerThird: { name: 'Präsidentin', faction: '' }, voteCard: null });
  const started = Date.now();
  let speaking = false;
  const switcher = setInterval(() => {
    speaking = !speaking;
    void broadcast.setProgram({
      speakerPeerId: speaking ? 'member' : null,
      chairPeerId: 'chair',
      lowerThird: { name: speaking ? 'Mitglied' : 'Präsidentin', faction: '' },
      voteCard: null,
    });
  }, 4_000);
  await sleep(4_000);
  feeds.push(
    LavfiFeeds.start([
      await publish('en', { kind: 'interpretation', language: 'en' }, { kind: 'audio', frequency: 880, ssrc: 5103 }),
      await publish('fr', { kind: 'interpretation', language: 'fr' }, { kind: 'audio', frequency: 990, ssrc: 5104 }),
    ]),
  );
  await sleep(Math.max(0, started + SECONDS * 1_000 - Date.now()));
  clearInterval(switcher);

  const result: Record<string, unknown> = { bench: 'program', seconds: SECONDS };
  for (const variant of ['video', 'audio_floor', 'audio_en', 'audio_fr']) {
    // The first 3 segments include FFmpeg's start-up; the rest is the steady state.
    const lags = segmentWriteLags(outDir, archiveDir, variant).slice(3);
    const sorted = [...lags].sort((a, b) => a - b);
    const stats = { p50: sorted[Math.floor(sorted.length / 2)] ?? null, p95: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? null, max: sorted.at(-1) ?? null };
    console.log(`[bench:program] ${variant}: segment write lag p50 ${stats.p50} ms, p95 ${stats.p95} ms, max ${stats.max} ms; per segment: ${lags.join(' ')}`);
    result[`${variant}_write_lag_ms_p95`] = stats.p95;
    result[`${variant}_write_lag_ms_max`] = stats.max;
  }
  result['program_ffmpeg_runs'] = broadcast.process.runs;
  await broadcast.stop().catch(() => undefined);
  for (const f of feeds) await f.stop();
  media.close();
  await pool.close();
  if (TRACE) {
    const trace = analyseTrace();
    for (const [key, s] of Object.entries(trace.stages))
      console.log(`[bench:program] trace: ${key.padEnd(16)} behind the wall clock p50 ${s.p50} ms, p95 ${s.p95} ms (n=${s.n})`);
    console.log(`[bench:program] trace: encoder input timestamps put back by more than 1 s: ${trace.clockResets}`);
    for (const w of trace.warnings) console.log(`[bench:program] trace: FFmpeg said ${w}`);
    console.log(`[bench:program] trace kept at ${traceFile}`);
    result['trace_clock_resets'] = trace.clockResets;
  }
  return result;
}

main()
  .then((result) => {
    if (!TRACE) fs.rmSync(scratch, { recursive: true, force: true });
    console.log(JSON.stringify(result));
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    for (const f of feeds) await f.stop().catch(() => undefined);
    console.log(`[bench:program] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log(JSON.stringify({ bench: 'program', error: String(error) }));
    process.exit(1);
  });
// Bounded: whatever happens, the bench ends.
setTimeout(
  () => {
    for (const f of feeds) void f.stop();
    console.log(JSON.stringify({ bench: 'program', error: 'watchdog' }));
    process.exit(1);
  },
  (SECONDS + 60) * 1_000,
).unref();
