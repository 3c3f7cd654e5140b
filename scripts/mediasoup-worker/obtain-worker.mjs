// Makes sure node_modules/mediasoup has a worker binary that runs on this host.
//
// Order: a stamp that matches (no-op) → the per-user cache → mediasoup's prebuilt download
// (bounded in time) → a build from source against the system's libraries. With CI set, only the
// build counts, so CI proves the path every machine can fall back to.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildWorkerFromSource, SUBPROJECTS_DIR } from './build-from-source.mjs';
import { downloadPrebuiltWorker, prebuiltUrl } from './download-prebuilt.mjs';

const require = createRequire(import.meta.url);
const STAMP_NAME = '.plenum-worker-stamp.json';

export function mediasoupDir() {
  // mediasoup's "exports" hides package.json; its main file is node/lib/index.js.
  return path.resolve(path.dirname(require.resolve('mediasoup')), '..', '..');
}

/** What the binary depends on: mediasoup's version, the platform, our subprojects and patches. */
export function workerKey(mediasoupPkg) {
  const hash = createHash('sha256');
  const files = [...listFiles(SUBPROJECTS_DIR), fileURLToPath(new URL('./source-patches.mjs', import.meta.url))];
  for (const file of files.sort()) {
    hash.update(path.relative(SUBPROJECTS_DIR, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return `${mediasoupPkg.version}-${os.platform()}-${os.arch()}-${hash.digest('hex').slice(0, 16)}`;
}

/** mediasoup-worker exits 41 when started without MEDIASOUP_VERSION: proof it loads and runs here. */
export function workerRuns(bin) {
  if (!fs.existsSync(bin)) return false;
  const run = spawnSync(bin, [], { env: {}, stdio: 'ignore', timeout: 10_000 });
  return run.status === 41;
}

export function cacheDir(env = process.env) {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'plenum');
}

/**
 * @param {{ ci: boolean, log: (msg: string) => void, ensureBuildDeps: () => void }} options
 *   ensureBuildDeps installs the system libraries the build needs, or throws saying how to.
 * @returns {{ source: 'stamp' | 'env' | 'cache' | 'prebuilt' | 'build', bin: string }}
 */
export async function obtainMediasoupWorker({ ci, log, ensureBuildDeps }) {
  if (process.env.MEDIASOUP_WORKER_BIN) {
    log(`MEDIASOUP_WORKER_BIN is set, using ${process.env.MEDIASOUP_WORKER_BIN}`);
    return { source: 'env', bin: process.env.MEDIASOUP_WORKER_BIN };
  }

  const dir = mediasoupDir();
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const bin = path.join(dir, 'worker', 'out', 'Release', 'mediasoup-worker');
  const stampFile = path.join(path.dirname(bin), STAMP_NAME);
  const key = workerKey(pkg);
  const cached = path.join(cacheDir(), `mediasoup-worker-${key}`);

  const stamp = readJson(stampFile);
  if (stamp?.key === key && (!ci || stamp.source === 'build') && workerRuns(bin)) {
    log(`up to date (${stamp.source}, ${key})`);
    return { source: 'stamp', bin };
  }

  let source;
  if (!ci && workerRuns(cached)) {
    copyExecutable(cached, bin);
    source = 'cache';
    log(`copied from the cache ${cached}`);
  }
  if (!source && !ci) {
    const url = prebuiltUrl(pkg);
    log(`trying mediasoup's prebuilt worker ${url}`);
    const got = await downloadPrebuiltWorker(url, bin);
    if (got.ok && workerRuns(bin)) {
      source = 'prebuilt';
      log('prebuilt worker downloaded and runs on this host');
    } else {
      log(`no usable prebuilt worker (${got.ok ? 'it does not run on this host' : got.reason}); building from source`);
      fs.rmSync(bin, { force: true });
    }
  }
  if (!source) {
    if (ci) log('CI is set: building from source');
    ensureBuildDeps();
    const started = Date.now();
    buildWorkerFromSource(dir, log);
    if (!workerRuns(bin)) throw new Error(`the build finished but ${bin} is missing or does not run`);
    source = 'build';
    log(`built from source in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  fs.writeFileSync(stampFile, JSON.stringify({ key, source, at: new Date().toISOString() }, null, 2) + '\n');
  if (source !== 'cache') saveToCache(bin, cached, log);
  return { source, bin };
}

function saveToCache(bin, cached, log) {
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    copyExecutable(bin, cached);
    log(`cached as ${cached}`);
  } catch (err) {
    // A read-only home only costs the next install a rebuild.
    log(`could not write the cache (${err.message}); continuing`);
  }
}

/** Copies through a temporary name so a reader never sees half a binary. */
function copyExecutable(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${process.pid}`;
  fs.copyFileSync(from, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, to);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}
