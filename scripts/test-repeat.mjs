// `npm run test:repeat -- <test files…> [--times 10]`: runs the given vitest files N times in a
// row, each time in a fresh vitest process, and prints per run and in total how many tests passed
// and failed and how long it took. For hunting flakes: nothing is retried, every failure counts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const timesAt = args.indexOf('--times');
const times = timesAt >= 0 ? Number(args[timesAt + 1]) : 10;
const files = args.filter((a, i) => i !== timesAt && i !== timesAt + 1);
if (!Number.isInteger(times) || times < 1 || files.length === 0) {
  console.error('usage: npm run test:repeat -- <test files…> [--times N]');
  process.exit(2);
}
for (const f of files) {
  if (!fs.existsSync(path.resolve(root, f))) {
    console.error(`test:repeat: no such file: ${f}`);
    process.exit(2);
  }
}
// e2e files run in the e2e project; the rest in the server or the realtime project, whichever includes them (vitest.config.ts).
const projectOf = (f) => (f.startsWith('test/e2e/') ? 'e2e' : 'server');
const projectArgs = (project) => (project === 'e2e' ? ['--project', 'e2e'] : ['--project', 'server', '--project', 'realtime']);
const groups = new Map();
for (const f of files) groups.set(projectOf(f), [...(groups.get(projectOf(f)) ?? []), f]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-repeat-'));
const env = { ...process.env, FORCE_COLOR: '0' };
if (!env.CHROME_BIN && fs.existsSync('/usr/bin/chromium')) env.CHROME_BIN = '/usr/bin/chromium';

function vitest(project, group, out) {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'vitest'),
      ['run', ...projectArgs(project), '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`, ...group],
      { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const rows = [];
for (let run = 1; run <= times; run++) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const [project, group] of groups) {
    const out = path.join(tmp, `run-${run}-${project}.json`);
    const code = await vitest(project, group, out);
    let report = null;
    try {
      report = JSON.parse(fs.readFileSync(out, 'utf8'));
    } catch {
      // no report: the run itself failed
    }
    if (!report) {
      failed++;
      failures.push(`${project}: vitest exited ${code} without a report`);
      continue;
    }
    passed += report.numPassedTests;
    failed += report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
    for (const file of report.testResults)
      for (const t of file.assertionResults) if (t.status === 'failed') failures.push(`${path.relative(root, file.name)} › ${t.fullName}`);
  }
  const seconds = (Date.now() - started) / 1000;
  rows.push({ run, passed, failed, seconds });
  console.log(
    `\ntest:repeat run ${run}/${times}: ${passed} passed, ${failed} failed, ${seconds.toFixed(1)} s${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`,
  );
}
fs.rmSync(tmp, { recursive: true, force: true });
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`\ntest:repeat summary (${files.join(', ')} × ${times}):`);
for (const r of rows)
  console.log(`  run ${String(r.run).padStart(2)}: ${String(r.passed).padStart(3)} passed ${String(r.failed).padStart(2)} failed  ${r.seconds.toFixed(1)} s`);
console.log(`runs: ${rows.filter((r) => r.failed === 0).length} of ${times} green`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
