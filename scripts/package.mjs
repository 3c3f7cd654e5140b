// `npm run package`: the release, dist/plenum-<version>.tar.gz, which production (and the Dockerfile)
// only unpacks and starts. It holds:
//   plenum-<version>/
//     bin/plenum               start script: node on the compiled server, NODE_ENV=production by default
//     bin/verify-record        the record check of the README, compiled too
//     dist/server/             the compiled server (migrations are bundled in: they are code)
//     dist/client/browser/     the built client
//     fixtures/parliament.json the demo parliament (loaded only when asked for)
//     node_modules/            production dependencies, the mediasoup worker binary included
//     package.json             name, version, "type": "module"
//
// node_modules is the set of production entries of package-lock.json copied from the tree that
// `npm ci` installed here, not a second `npm ci --omit=dev` (which takes minutes on this machine and
// needs the registry or a warm cache): the same versions, checked against the lockfile, and the
// mediasoup worker that postinstall already built or fetched comes along without being rebuilt. Of
// mediasoup's worker/ only the binary is taken (the rest is its C++ source). No production
// dependency needs another install script: esbuild (tsx's) finds its binary in @esbuild/<platform>,
// and ffmpeg-static's downloaded binary is left out on purpose: production uses the system's FFmpeg
// (Debian's package in the Dockerfile; FFMPEG_BIN to choose another).
//
//   node scripts/package.mjs                 build everything, then package
//   node scripts/package.mjs --reuse-client  keep dist/client when it is newer than client/ (tests)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClient, buildServer } from './build.mjs';
import { clientIsFresh } from './client-fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const name = `plenum-${pkg.version}`;
const staging = path.join(root, 'dist/package', name);
export const tarball = path.join(root, 'dist', `${name}.tar.gz`);
const workerBin = 'node_modules/mediasoup/worker/out/Release/mediasoup-worker';

/** Copies a package folder without its nested node_modules (those are lockfile entries of their own). */
function copyPackage(from, to, skip = () => false) {
  fs.cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => {
      const rel = path.relative(from, src);
      return !(rel === 'node_modules' || rel.startsWith(`node_modules${path.sep}`) || skip(rel));
    },
  });
}

function copyProductionModules() {
  let count = 0;
  for (const [entry, meta] of Object.entries(lock.packages)) {
    // "" is the project itself; dev-only entries are what `npm ci --omit=dev` leaves out.
    if (!entry.startsWith('node_modules/') || meta.dev) continue;
    const from = path.join(root, entry);
    if (!fs.existsSync(from)) {
      if (meta.optional) continue; // another platform's binary package
      throw new Error(`${entry} is in package-lock.json but not installed: run npm ci`);
    }
    const installed = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')).version;
    if (meta.version && installed !== meta.version) throw new Error(`${entry} is ${installed}, package-lock.json says ${meta.version}: run npm ci`);
    const skip =
      entry === 'node_modules/mediasoup'
        ? (rel) => rel === 'worker' || rel.startsWith(`worker${path.sep}`)
        : entry === 'node_modules/ffmpeg-static'
          ? (rel) => rel === 'ffmpeg'
          : undefined;
    copyPackage(from, path.join(staging, entry), skip);
    count++;
  }
  const worker = path.join(root, workerBin);
  if (!fs.existsSync(worker)) throw new Error(`${workerBin} is missing: npm install (postinstall) builds or fetches it`);
  fs.mkdirSync(path.dirname(path.join(staging, workerBin)), { recursive: true });
  fs.copyFileSync(worker, path.join(staging, workerBin));
  fs.chmodSync(path.join(staging, workerBin), 0o755);
  return count;
}

function writeScript(file, body) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body, { mode: 0o755 });
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(p) : entry.isFile() ? fs.statSync(p).size : 0;
  }
  return total;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function makePackage({ reuseClient = false } = {}) {
  const started = Date.now();
  if (reuseClient && clientIsFresh(root)) console.log('package | reusing dist/client (newer than client/)');
  else buildClient();
  await buildServer();

  fs.rmSync(path.join(root, 'dist/package'), { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.cpSync(path.join(root, 'dist/server'), path.join(staging, 'dist/server'), { recursive: true });
  fs.cpSync(path.join(root, 'dist/client/browser'), path.join(staging, 'dist/client/browser'), { recursive: true });
  fs.mkdirSync(path.join(staging, 'fixtures'));
  fs.copyFileSync(path.join(root, 'fixtures/parliament.json'), path.join(staging, 'fixtures/parliament.json'));
  for (const doc of ['README.md', 'SECURITY.md']) fs.copyFileSync(path.join(root, doc), path.join(staging, doc));
  // The nearest package.json makes dist/server/*.js ES modules and marks the install root (server/install-root.ts).
  const manifest = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    description: pkg.description,
    license: pkg.license,
    type: 'module',
    engines: pkg.engines,
    scripts: { start: 'bin/plenum' },
  };
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const modules = copyProductionModules();
  const here = 'here="$(cd "$(dirname "$0")/.." && pwd)"';
  writeScript(
    path.join(staging, 'bin/plenum'),
    `#!/bin/sh\n# Starts Plenum from this release. Configuration: environment variables (README.md, "Configuration").\nset -e\n${here}\nexport NODE_ENV="\${NODE_ENV:-production}"\nexec node --enable-source-maps "$here/dist/server/main.js" "$@"\n`,
  );
  writeScript(
    path.join(staging, 'bin/verify-record'),
    `#!/bin/sh\n# Recomputes a sitting's record chain: bin/verify-record <sitting id or number> [--head <hash>] (README.md).\nset -e\n${here}\nexec node --enable-source-maps "$here/dist/server/verify-record.js" "$@"\n`,
  );

  fs.rmSync(tarball, { force: true });
  const tar = spawnSync('tar', ['-czf', tarball, '--owner=0', '--group=0', '-C', path.dirname(staging), name], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`tar failed (exit ${tar.status ?? tar.signal})`);
  const result = { tarball, bytes: fs.statSync(tarball).size, unpackedBytes: sizeOf(staging), modules, seconds: (Date.now() - started) / 1000 };
  fs.rmSync(path.join(root, 'dist/package'), { recursive: true, force: true });
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await makePackage({ reuseClient: process.argv.includes('--reuse-client') });
  console.log(
    `package | ${path.relative(root, r.tarball)}: ${mb(r.bytes)} (${mb(r.unpackedBytes)} unpacked, ${r.modules} packages in node_modules) in ${r.seconds.toFixed(1)} s`,
  );
}
