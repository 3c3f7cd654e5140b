// Builds mediasoup's worker with mediasoup's own build script, offline: the subprojects it would
// download (OpenSSL, libuv, libsrtp, usrsctp, Abseil, FlatBuffers, liburing, Catch2) are replaced
// by the local ones in ./subprojects, which wrap the system's libraries (scripts/system-deps.sh).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applySourcePatches } from './source-patches.mjs';

export const SUBPROJECTS_DIR = fileURLToPath(new URL('./subprojects/', import.meta.url));

/** meson and ninja versions pip installs; both are in the local Python package index too. */
const MESON_VERSION = '1.12.1';
const NINJA_VERSION = '1.13.2';

/** Puts the local subprojects in place of mediasoup's downloading .wrap files. */
export function installLocalSubprojects(mediasoupDir, log) {
  const target = path.join(mediasoupDir, 'worker', 'subprojects');
  for (const name of fs.readdirSync(SUBPROJECTS_DIR)) {
    // A .wrap file wins over a same-named directory in meson, so it has to go.
    fs.rmSync(path.join(target, `${name}.wrap`), { force: true });
    fs.rmSync(path.join(target, name), { recursive: true, force: true });
    fs.cpSync(path.join(SUBPROJECTS_DIR, name), path.join(target, name), { recursive: true });
  }
  log(`local subprojects installed: ${fs.readdirSync(SUBPROJECTS_DIR).join(', ')}`);
}

/**
 * Patches, configures and compiles; the binary lands in worker/out/Release/mediasoup-worker.
 * Throws with the failing step when the build fails.
 */
export function buildWorkerFromSource(mediasoupDir, log) {
  installLocalSubprojects(mediasoupDir, log);
  applySourcePatches(mediasoupDir, log);
  // A build tree left by an interrupted run would make `meson setup` refuse to configure.
  fs.rmSync(path.join(mediasoupDir, 'worker', 'out', 'Release', 'build'), { recursive: true, force: true });

  const env = {
    ...process.env,
    MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD: '1',
    MESON_VERSION,
    NINJA_VERSION,
    // Never fetch a subproject: every one is local now.
    MESON_ARGS: '--wrap-mode=nodownload',
    // pip first tries the default index, which may be unreachable; without this it retries for minutes.
    PIP_RETRIES: process.env.PIP_RETRIES ?? '0',
  };
  // These would make mediasoup's script skip the build, fetch a prebuilt or build elsewhere.
  for (const key of ['MEDIASOUP_WORKER_BIN', 'MEDIASOUP_LOCAL_DEV', 'MEDIASOUP_FORCE_WORKER_PREBUILT_DOWNLOAD', 'MEDIASOUP_BUILDTYPE']) {
    delete env[key];
  }

  log("building with mediasoup's npm-scripts.mjs postinstall (about 4 minutes on 2 cores)");
  // Also cleans up after itself: removes the build tree and the pip-installed meson/ninja.
  const run = spawnSync(process.execPath, ['npm-scripts.mjs', 'postinstall'], { cwd: mediasoupDir, env, stdio: 'inherit' });
  if (run.error) throw new Error(`could not run mediasoup's build script: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`mediasoup's build script failed (exit ${run.status ?? run.signal}); its output is above`);
  }
}
