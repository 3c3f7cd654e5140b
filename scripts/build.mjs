// `npm run build`: the client (ng build → dist/client/browser) and the server compiled to JavaScript
// (dist/server/main.js, plus dist/server/verify-record.js for operations). Production runs
// `node dist/server/main.js`: no tsx, no TypeScript at run time. `npm start` stays tsx on the sources.
//
// Why esbuild and not tsc: the sources import without file extensions (tsconfig "moduleResolution":
// "Bundler"), which Node's ESM loader refuses, so tsc's per-file output would not run without
// rewriting every import. esbuild (already here for the client build) bundles our code into one file
// in about a second; packages from node_modules stay external and are loaded by Node exactly as tsx
// loads them in development (same CommonJS/ESM interop, native parts and data files in place).
// Type checking stays with `npm run typecheck`; esbuild only strips types.
//
//   node scripts/build.mjs            client and server
//   node scripts/build.mjs --server   the server only (seconds; the release reuses a fresh client)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverOutDir = path.join(root, 'dist/server');

/** Bundles server/main.ts and scripts/verify-record.ts into dist/server/; returns the output files. */
export async function buildServer() {
  fs.rmSync(serverOutDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/main.ts', 'verify-record': 'scripts/verify-record.ts' },
    outdir: serverOutDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Stack traces in production name the TypeScript source lines (the start script passes --enable-source-maps).
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs);
}

export function buildClient() {
  const ng = path.join(root, 'node_modules', '.bin', 'ng');
  const res = spawnSync(ng, ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (res.status !== 0) throw new Error(`ng build failed (exit ${res.status ?? res.signal})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const serverOnly = process.argv.includes('--server');
  if (!serverOnly) buildClient();
  const started = Date.now();
  const outputs = await buildServer();
  console.log(`server compiled in ${Date.now() - started} ms: ${outputs.filter((f) => f.endsWith('.js')).join(', ')}`);
}
