// Fetches mediasoup's own prebuilt worker, as mediasoup's postinstall would, but bounded in time:
// mediasoup's script has no timeout and then falls back to a build that downloads its sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Time allowed until the server answers, and for the whole download. */
const HEADERS_TIMEOUT_MS = 10_000;
const DOWNLOAD_TIMEOUT_MS = 90_000;

/** The release asset mediasoup's npm-scripts.mjs looks for (getWorkerPrebuildTarName()). */
export function prebuiltUrl(mediasoupPkg, env = process.env) {
  const base =
    env.MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL || `${mediasoupPkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/releases/download`;
  let name = `mediasoup-worker-${mediasoupPkg.version}-${os.platform()}-${os.arch()}`;
  // Upstream publishes separate Linux builds per kernel major (io_uring needs >= 6).
  if (os.platform() === 'linux') name += `-kernel${Number(os.release().split('.')[0])}`;
  return `${base}/${mediasoupPkg.version}/${name}.tgz`;
}

/**
 * Downloads and unpacks the prebuilt worker into `destFile`.
 * Returns { ok: true } or { ok: false, reason } — never throws for network trouble.
 */
export async function downloadPrebuiltWorker(url, destFile) {
  const abort = new AbortController();
  const headersTimer = setTimeout(() => abort.abort(new Error(`no answer within ${HEADERS_TIMEOUT_MS / 1000} s`)), HEADERS_TIMEOUT_MS);
  const totalTimer = setTimeout(() => abort.abort(new Error(`download took over ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-worker-'));
  try {
    let res;
    try {
      res = await fetch(url, { signal: abort.signal });
    } catch (err) {
      return { ok: false, reason: describe(err, abort) };
    } finally {
      clearTimeout(headersTimer);
    }
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };

    const tgz = path.join(tmp, 'worker.tgz');
    try {
      fs.writeFileSync(tgz, Buffer.from(await res.arrayBuffer()));
    } catch (err) {
      return { ok: false, reason: describe(err, abort) };
    }
    // The archive holds the single file `mediasoup-worker`. System tar: always on Debian.
    execFileSync('tar', ['-xzf', tgz, '-C', tmp], { stdio: 'ignore' });
    const bin = path.join(tmp, 'mediasoup-worker');
    if (!fs.existsSync(bin)) return { ok: false, reason: 'archive has no mediasoup-worker' };
    fs.mkdirSync(path.dirname(destFile), { recursive: true });
    fs.copyFileSync(bin, destFile);
    fs.chmodSync(destFile, 0o755);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: describe(err, abort) };
  } finally {
    clearTimeout(totalTimer);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function describe(err, abort) {
  if (abort.signal.aborted) return String(abort.signal.reason?.message ?? abort.signal.reason);
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? err);
}
