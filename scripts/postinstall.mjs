// Runs after `npm install` (package.json "postinstall"); also fine to run by hand.
//
// npm does not run mediasoup's and ffmpeg-static's own install scripts here (package.json
// "allowScripts"): both download binaries and hang or fail without internet. Instead:
//  1. the mediasoup worker: stamp / cache / prebuilt / build from source (scripts/mediasoup-worker/).
//     Without a worker Plenum has no media, so failing to get one fails the install.
//  2. FFmpeg: ffmpeg-static's download when it works, else Debian's ffmpeg. Never fails the install:
//     streaming/ffmpeg-path.ts says clearly at run time when no FFmpeg is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { obtainMediasoupWorker } from './mediasoup-worker/obtain-worker.mjs';

const require = createRequire(import.meta.url);
const SYSTEM_DEPS = fileURLToPath(new URL('./system-deps.sh', import.meta.url));
/** ffmpeg-static's download is ~40 MB; give it this long, then fall back to the system's. */
const FFMPEG_STATIC_TIMEOUT_MS = 90_000;

const ci = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const log = (area) => (msg) => console.log(`plenum postinstall | ${area}: ${msg}`);
const warn = (area) => (msg) => console.warn(`plenum postinstall | ${area}: WARNING ${msg}`);

const canInstallPackages = () => process.getuid?.() === 0 && onPath('apt-get');

/** Installs the worker's build libraries (and ffmpeg) with system-deps.sh, or throws saying how to. */
function ensureBuildDeps() {
  const say = log('system packages');
  if (!onPath('dpkg-query')) {
    say(
      'not a Debian system: the build needs a C++17 compiler, python3 with pip, pkg-config and the ' +
        'development packages of openssl 3, libuv, abseil, libsrtp2, usrsctp, flatbuffers (+ flatc) and liburing',
    );
    return;
  }
  const check = spawnSync('bash', [SYSTEM_DEPS, '--check'], { encoding: 'utf8' });
  if (check.status === 0) return;
  if (check.status !== 3) throw new Error(`scripts/system-deps.sh --check failed:\n${check.stdout}${check.stderr}`);
  if (!canInstallPackages()) {
    throw new Error(`the worker must be built from source and system packages are missing.\n${check.stdout.trim()}\n` + 'then run `npm install` again.');
  }
  say('installing missing packages with scripts/system-deps.sh');
  const run = spawnSync('bash', [SYSTEM_DEPS], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`scripts/system-deps.sh failed (exit ${run.status ?? run.signal})`);
}

async function worker() {
  const say = log('mediasoup worker');
  const started = Date.now();
  try {
    const { source, bin } = await obtainMediasoupWorker({ ci, log: say, ensureBuildDeps });
    say(`ready (${source}) ${bin} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
  } catch (err) {
    console.error(
      `\nplenum postinstall | mediasoup worker: FAILED\n  ${String(err?.message ?? err).replaceAll('\n', '\n  ')}\n` +
        '  Plenum cannot run media without it. Fix the above and run `npm install` (or `node scripts/postinstall.mjs`) again.\n',
    );
    process.exit(1);
  }
}

function ffmpeg() {
  const say = log('ffmpeg');
  const caution = warn('ffmpeg');
  try {
    const staticBin = require('ffmpeg-static'); // FFMPEG_BIN wins inside ffmpeg-static too
    if (process.env.FFMPEG_BIN) {
      if (runs(process.env.FFMPEG_BIN)) say(`FFMPEG_BIN is set and runs: ${process.env.FFMPEG_BIN}`);
      else caution(`FFMPEG_BIN=${process.env.FFMPEG_BIN} does not run`);
      return;
    }
    if (staticBin && runs(staticBin)) {
      say(`ffmpeg-static's binary is installed: ${staticBin}`);
      return;
    }
    if (staticBin) {
      // A failed download can leave a partial file, which ffmpeg-static would take as installed.
      fs.rmSync(staticBin, { force: true });
      say("trying ffmpeg-static's download");
      const run = spawnSync(process.execPath, ['install.js'], {
        cwd: path.dirname(require.resolve('ffmpeg-static')),
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: FFMPEG_STATIC_TIMEOUT_MS,
      });
      if (runs(staticBin)) {
        say(`ffmpeg-static's binary downloaded: ${staticBin}`);
        return;
      }
      fs.rmSync(staticBin, { force: true });
      const why =
        run.error?.code === 'ETIMEDOUT'
          ? `no download within ${FFMPEG_STATIC_TIMEOUT_MS / 1000} s`
          : (run.stderr || run.stdout || '').trim().split('\n')[0] || `exit ${run.status}`;
      say(`ffmpeg-static's download failed (${why}); using the system's ffmpeg`);
    }
    if (systemFfmpeg()) {
      say(`system ffmpeg: ${systemFfmpeg()}`);
      return;
    }
    if (canInstallPackages()) {
      const run = spawnSync('bash', [SYSTEM_DEPS], { stdio: 'inherit' });
      if (run.status === 0 && systemFfmpeg()) {
        say(`system ffmpeg installed: ${systemFfmpeg()}`);
        return;
      }
    }
    caution(
      'no FFmpeg: streaming and recording will not start. Install it with ' +
        '`sudo apt-get install ffmpeg` (or `sudo bash scripts/system-deps.sh`), or set FFMPEG_BIN.',
    );
  } catch (err) {
    caution(`could not set up FFmpeg: ${err?.message ?? err}`);
  }
}

function systemFfmpeg() {
  for (const candidate of ['/usr/bin/ffmpeg', onPath('ffmpeg')]) {
    if (candidate && runs(candidate)) return candidate;
  }
  return undefined;
}

function runs(bin) {
  return spawnSync(bin, ['-version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

await worker();
ffmpeg();
