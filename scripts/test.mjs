// `npm test`: every suite, one after another, then one closing line "tests: N passed, N failed".
// Server tests run on PGlite, and on PostgreSQL too when TEST_DATABASE_URL (or DATABASE_URL) is set.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-test-'));
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
if (!env.CHROME_BIN && fs.existsSync('/usr/bin/chromium')) env.CHROME_BIN = '/usr/bin/chromium';

/** Runs a command with inherited output, keeps a copy of it, resolves with exit code and text. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n── ${path.basename(cmd)} ${args.join(' ')}`);
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        text += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, text, seconds: (Date.now() - started) / 1000 }));
  });
}

const steps = [];
const record = (name, r, passed, failed, failures = []) =>
  steps.push({ name, ok: r.code === 0 && failed === 0, passed, failed: r.code !== 0 && failed === 0 ? 1 : failed, seconds: r.seconds, failures });

function vitestCounts(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    const failures = j.testResults.flatMap((f) =>
      f.assertionResults
        .filter((a) => a.status === 'failed')
        .map(
          (a) =>
            `${path.relative(root, f.name)} › ${a.fullName}: ${String(a.failureMessages?.[0] ?? '')
              .split('\n')[0]
              .slice(0, 300)}`,
        ),
    );
    return { passed: j.numPassedTests, failed: j.numFailedTests, failures };
  } catch {
    return { passed: 0, failed: 0, failures: [] };
  }
}

if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROME_BIN) {
  console.error('Chromium is needed for the client and end-to-end tests: apt-get install -y chromium (or bash scripts/system-deps.sh --test).');
  process.exit(1);
}

const check = (name, r) => record(name, r, r.code === 0 ? 1 : 0, r.code === 0 ? 0 : 1);
let r = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('typecheck server', r);
r = await run(bin('tsc'), ['-p', 'client/codegen/tsconfig.json', '--noEmit']);
check('typecheck codegen', r);
// Lint (layers as import rules, type-aware rules) and formatting: a finding fails the run.
r = await run(bin('eslint'), ['.', '--max-warnings', '0']);
check('lint', r);
r = await run(bin('prettier'), ['--check', '.']);
check('format check', r);
// The client's operation types are generated from schema/schema.graphql: fail when they are stale.
r = await run(bin('tsx'), ['client/codegen/graphql-codegen.ts', '--check']);
check('client codegen', r);

// realtime: live media pipelines, one file at a time; fuzz: the hostile-input fuzzer, alone (vitest.config.ts).
for (const project of ['server', 'realtime', 'fuzz']) {
  const out = path.join(tmp, `${project}.json`);
  r = await run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const c = vitestCounts(out);
  record(`vitest ${project}`, r, c.passed, c.failed, c.failures);
}

r = await run(bin('ng'), ['test', '--watch=false']);
const karma = [...r.text.matchAll(/Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?/g)].at(-1);
record('karma client', r, karma ? Number(karma[1]) - Number(karma[3] ?? 0) : 0, karma ? Number(karma[3] ?? 0) : 0);

r = await run(bin('ng'), ['build']);
check('client build', r);
if (r.code === 0) {
  const out = path.join(tmp, 'e2e.json');
  r = await run(bin('vitest'), ['run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const c = vitestCounts(out);
  record('vitest e2e', r, c.passed, c.failed, c.failures);
}

console.log('\n── summary');
for (const s of steps)
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(16)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1)} s`,
  );
// The failed tests again, by name, so that the last lines of a CI log say what failed.
for (const s of steps) for (const f of s.failures) console.log(`  failed: ${f}`);
const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
